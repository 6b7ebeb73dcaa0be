import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What a receiver answered: the status and the start of its body (for the delivery log). */
export interface WebhookResponse {
  readonly statusCode: number;
  readonly body: string;
}

const KEEP_BODY_BYTES = 512;

/**
 * POSTs one delivery. Redirects are not followed (a 3xx is the answer), the whole exchange is
 * bounded by `timeoutMs`, and every request gets a connection of its own (no pooled sockets
 * outlive it). Network errors and timeouts reject; any HTTP status resolves.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<WebhookResponse> {
  const target = new URL(url);
  const send =
    target.protocol === 'https:'
      ? httpsRequest
      : target.protocol === 'http:'
        ? httpRequest
        : undefined;
  if (!send) return Promise.reject(new Error(`unsupported URL scheme ${target.protocol}`));
  return new Promise((resolve, reject) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const fail = (error: Error) =>
      reject(signal.aborted ? new Error(`timed out after ${timeoutMs} ms`) : error);
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept >= KEEP_BODY_BYTES) return;
          chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () =>
          resolve({
            statusCode: res.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, KEEP_BODY_BYTES).toString('utf8'),
          }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}
