import { HttpException } from '@nestjs/common';
import { DomainError, type ErrorCode, type ErrorIssue } from '@fenceline/contracts';

/** What a known error is answered with, in either transport. */
export interface MappedError {
  readonly status: number;
  readonly code: ErrorCode | string;
  readonly message: string;
  readonly issues?: readonly ErrorIssue[];
}

/**
 * The one mapping from an error to its code and HTTP status: domain errors by their code,
 * Nest's own exceptions (unknown route, rate limit) and body-parser refusals by their status.
 * `undefined` for anything else — an unexpected error, answered 500 by the transport.
 */
export function mapError(error: unknown): MappedError | undefined {
  if (error instanceof DomainError)
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
    };
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const coded =
      typeof body === 'object' && body !== null && 'code' in body
        ? (body as { code: string; message?: string })
        : undefined;
    return {
      status: error.getStatus(),
      code: coded?.code ?? codeOfStatus(error.getStatus()),
      message: coded?.message ?? error.message,
    };
  }
  return bodyParserError(error);
}

const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'INVALID',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_ENCODING',
  429: 'RATE_LIMITED',
};

function codeOfStatus(status: number): string {
  return CODE_OF_STATUS[status] ?? `HTTP_${status}`;
}

/** Errors of the JSON body parser (too large, bad encoding, bad JSON) are the client's: 4xx. */
function bodyParserError(error: unknown): MappedError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, type, message, expose } = error as {
    status?: unknown;
    type?: unknown;
    message?: unknown;
    expose?: unknown;
  };
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  // http-errors marks client errors it raised itself (a corrupt gzip stream has no `type`).
  if (typeof type !== 'string' && expose !== true) return undefined;
  const codes: Record<string, ErrorCode> = {
    'entity.too.large': 'PAYLOAD_TOO_LARGE',
    'encoding.unsupported': 'UNSUPPORTED_ENCODING',
    'entity.parse.failed': 'MALFORMED_JSON',
  };
  const code = typeof type === 'string' ? (codes[type] ?? 'INVALID') : 'INVALID_BODY';
  return { status, code, message: typeof message === 'string' ? message : 'invalid request body' };
}
