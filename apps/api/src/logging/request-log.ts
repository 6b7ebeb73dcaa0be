import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { type HttpLogger, pinoHttp } from 'pino-http';
import { REQUEST_ID_HEADER, requestIdFrom } from '@fenceline/contracts';

interface RoutedRequest extends IncomingMessage {
  /** Express sets the matched route; its pattern, not the raw path, groups the lines. */
  route?: { path?: unknown };
  /** The URL as received, before a router strips its mount path. */
  originalUrl?: string;
}

/**
 * One line per HTTP request, written when the response is finished (or the client went away):
 * `{ requestId, method, route, path, status, durationMs, msg: "request completed" }`, at `error`
 * for a 5xx (with the error), `info` otherwise. Headers and bodies are not logged at all.
 * The request id is the caller's `X-Request-Id` when sane, else a new UUID; it is echoed in the
 * response header and bound to every log line written while the request is handled.
 */
export function requestLog(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdFrom(req.headers[REQUEST_ID_HEADER.toLowerCase()]);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // Lines written during the request carry the id only, not the whole request.
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, value: { responseTime: number }) =>
      requestLine(req, res, value.responseTime),
    customErrorObject: (req, res, error, value: { responseTime: number }) => ({
      ...requestLine(req, res, value.responseTime),
      err: error,
    }),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
  });
}

function requestLine(
  req: RoutedRequest,
  res: ServerResponse,
  durationMs: number,
): Record<string, unknown> {
  const route = req.route?.path;
  return {
    method: req.method,
    ...(typeof route === 'string' ? { route } : {}),
    // The query string stays out: it may hold cursors, filters or worse.
    path: (req.originalUrl ?? req.url ?? '').split('?')[0],
    status: res.statusCode,
    durationMs,
  };
}
