import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers every webhook delivery carries (lower-case, as Node's `IncomingMessage` shows them). */
export const WEBHOOK_HEADERS = Object.freeze({
  event: 'x-fenceline-event',
  delivery: 'x-fenceline-delivery',
  timestamp: 'x-fenceline-timestamp',
  signature: 'x-fenceline-signature',
} as const);

/** How far a delivery's timestamp may be from the receiver's clock by default (replay window). */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The `X-Fenceline-Signature` value of a delivery: `sha256=` and the hex HMAC-SHA256, keyed with
 * the subscription secret (the string shown once at creation, as UTF-8), of
 * `"<timestamp>.<raw body>"`. Signing the timestamp with the body lets receivers refuse replays.
 *
 * @example signWebhook('s3cr3t', 1700000000, '{"id":"…"}') // 'sha256=5d1c…'
 */
export function signWebhook(secret: string, timestamp: number, body: string | Buffer): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`, 'utf8');
  hmac.update(body);
  return `sha256=${hmac.digest('hex')}`;
}

/** Request headers as Node (`IncomingHttpHeaders`), fetch (`Headers` turned into an object) or any map give them. */
export type WebhookHeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /** Largest accepted difference between the timestamp header and `now` (default 300 s). */
  readonly toleranceSeconds?: number;
  /** The receiver's clock (default `Date.now()`), for tests. */
  readonly now?: Date;
}

/**
 * For receivers: whether a delivery is authentic and fresh. Pass the **raw** request body (the
 * bytes received, before any JSON parsing), the request headers (any letter case) and the
 * subscription secret. The signature is compared in constant time; a timestamp further than
 * `toleranceSeconds` from now is refused so a captured delivery cannot be replayed later.
 *
 * @example
 * app.post('/hooks/fenceline', express.raw({ type: 'application/json' }), (req, res) => {
 *   if (!verifyWebhookSignature(process.env.FENCELINE_WEBHOOK_SECRET, req.headers, req.body)) return res.sendStatus(401);
 *   const event = JSON.parse(req.body.toString('utf8'));
 *   res.sendStatus(204);
 * });
 */
export function verifyWebhookSignature(
  secret: string,
  headers: WebhookHeaderBag,
  body: string | Buffer,
  options: VerifyWebhookOptions = {},
): boolean {
  const timestampText = header(headers, WEBHOOK_HEADERS.timestamp);
  const signature = header(headers, WEBHOOK_HEADERS.signature);
  if (!timestampText || !signature || !/^\d{1,12}$/.test(timestampText)) return false;
  const timestamp = Number(timestampText);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS))
    return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'utf8');
  const given = Buffer.from(signature.trim(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function header(headers: WebhookHeaderBag, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return typeof value === 'string' ? value : value?.[0];
  }
  return undefined;
}
