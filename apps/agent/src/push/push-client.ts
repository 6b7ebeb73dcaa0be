import { readFile } from 'node:fs/promises';
import { EnvHttpProxyAgent, fetch, type Dispatcher } from 'undici';
import type { TokenSource } from '../config/agent-config';
import type { PreparedSnapshot } from '../snapshot/prepared-snapshot';

/** The route agents push to (API issue 4). */
export const INGEST_PATH = '/v1/agent/snapshots';

/** What one push attempt came to, and what to do next. */
export type PushAttempt =
  | { readonly kind: 'ok'; readonly result: 'accepted' | 'duplicate'; readonly snapshotId?: string }
  /** 401/403: the token is wrong or revoked; pushing again with it is pointless. */
  | { readonly kind: 'unauthorized'; readonly message: string }
  /** 413: this snapshot will never fit; the next (smaller or changed) one may. */
  | { readonly kind: 'too_large'; readonly message: string }
  /** Another 4xx: the API refuses this content (its issues are in the message). */
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string }
  | {
      readonly kind: 'retry';
      readonly reason: 'network' | 'timeout' | 'server' | 'rate_limited' | 'token_unreadable';
      readonly message: string;
      readonly retryAfterMs?: number;
    };

/**
 * One HTTP POST of a gzip snapshot with the cluster's token. Honours HTTPS_PROXY / NO_PROXY (a
 * cluster's only way out is often a proxy). The token file is read at every attempt, so a
 * rotated Secret takes effect without a restart.
 */
export class PushClient {
  private readonly dispatcher: Dispatcher = new EnvHttpProxyAgent();

  constructor(
    private readonly apiUrl: URL,
    private readonly token: TokenSource,
    private readonly timeoutMs: number,
  ) {}

  get tokenFromFile(): boolean {
    return this.token.kind === 'file';
  }

  async readToken(): Promise<string> {
    if (this.token.kind === 'value') return this.token.value;
    const text = (await readFile(this.token.path, 'utf8')).trim();
    if (text === '') throw new Error(`the token file ${this.token.path} is empty`);
    return text;
  }

  async push(prepared: PreparedSnapshot): Promise<PushAttempt> {
    let token: string;
    try {
      token = await this.readToken();
    } catch (error) {
      return {
        kind: 'retry',
        reason: 'token_unreadable',
        message: `cannot read the agent token: ${(error as Error).message}`,
      };
    }
    const url = new URL(
      INGEST_PATH,
      this.apiUrl.href.endsWith('/') ? this.apiUrl : `${this.apiUrl.href}/`,
    );
    let response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'User-Agent': 'fenceline-agent',
        },
        body: prepared.body,
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        return {
          kind: 'retry',
          reason: 'timeout',
          message: `no answer from ${url.origin} within ${this.timeoutMs} ms`,
        };
      const cause = (error as { cause?: Error }).cause;
      return {
        kind: 'retry',
        reason: 'network',
        message: `${url.origin}: ${cause?.message ?? (error as Error).message}`,
      };
    }
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    const message = describeAnswer(response.status, body, text);
    if (response.ok) {
      const status = body?.['status'] === 'duplicate' ? 'duplicate' : 'accepted';
      const snapshotId = typeof body?.['snapshotId'] === 'string' ? body['snapshotId'] : undefined;
      return { kind: 'ok', result: status, ...(snapshotId ? { snapshotId } : {}) };
    }
    if (response.status === 401 || response.status === 403)
      return { kind: 'unauthorized', message };
    if (response.status === 413) return { kind: 'too_large', message };
    if (response.status === 429 || response.status === 408 || response.status >= 500) {
      const retryAfterMs = retryAfter(response.headers.get('retry-after'));
      return {
        kind: 'retry',
        reason: response.status === 429 ? 'rate_limited' : 'server',
        message,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      };
    }
    return { kind: 'rejected', status: response.status, message };
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `400 INVALID_SNAPSHOT: the snapshot does not match the schema (pods[3].ips[0]: not an IP address; …)` */
function describeAnswer(
  status: number,
  body: Record<string, unknown> | undefined,
  text: string,
): string {
  if (!body) return `${status} ${text.slice(0, 200)}`.trim();
  const code = typeof body['code'] === 'string' ? `${body['code']}: ` : '';
  const message =
    typeof body['message'] === 'string' ? body['message'] : JSON.stringify(body).slice(0, 200);
  const issues = Array.isArray(body['issues'])
    ? (body['issues'] as { path?: unknown; object?: unknown; message?: unknown }[])
        .slice(0, 5)
        .map((i) =>
          [i.object, i.path, i.message].filter((p) => typeof p === 'string' && p !== '').join(': '),
        )
        .join('; ')
    : '';
  return `${status} ${code}${message}${issues ? ` (${issues})` : ''}`;
}

/** Retry-After in seconds or as an HTTP date, capped at 10 minutes. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 600_000) : undefined;
}
