import { randomUUID } from 'node:crypto';

/** The header a request id arrives in and is echoed back in. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Letters, digits and `._:-`, 1–128 characters: what proxies and tracers send (UUIDs, hex ids). */
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id to use: the caller's `X-Request-Id` when it is a sane token, else a new UUID,
 * so nothing a client sends (newlines, a megabyte, a list) reaches the logs as an id.
 *
 * @example requestIdFrom('abc-123') // 'abc-123'; requestIdFrom('a\nb') // a fresh UUID
 */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && SANE.test(header) ? header : randomUUID();
}
