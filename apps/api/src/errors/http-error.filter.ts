import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataAccessError } from '@fenceline/data-access';
import { GraphQLError } from 'graphql';

const STATUS = { NOT_FOUND: 404, CONFLICT: 409, INVALID: 400 } as const;

/**
 * Maps every error to an HTTP answer once: typed errors to their status and code, anything else
 * to a 500 with a correlation id and nothing internal (the details go to the log).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return this.graphqlError(error);
    const response = host
      .switchToHttp()
      .getResponse<{ status(code: number): { json(body: unknown): void } }>();
    if (error instanceof DataAccessError) {
      response.status(STATUS[error.code]).json({ code: error.code, message: error.message });
      return undefined;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const payload =
        typeof body === 'object' && body !== null && 'code' in body
          ? body
          : { code: httpCode(error.getStatus()), message: error.message };
      response.status(error.getStatus()).json(payload);
      return undefined;
    }
    const bodyError = bodyParserError(error);
    if (bodyError) {
      response.status(bodyError.status).json({ code: bodyError.code, message: bodyError.message });
      return undefined;
    }
    const correlationId = randomUUID();
    this.logger.error({
      correlationId,
      error: error instanceof Error ? error.stack : String(error),
    });
    response.status(500).json({ code: 'INTERNAL', message: 'internal error', correlationId });
    return undefined;
  }

  /** GraphQL answers errors in the body: the same codes as REST, in `extensions`. */
  private graphqlError(error: unknown): GraphQLError {
    if (error instanceof GraphQLError) return error;
    if (error instanceof DataAccessError)
      return new GraphQLError(error.message, {
        extensions: { code: error.code, status: STATUS[error.code] },
      });
    if (error instanceof HttpException) {
      const body = error.getResponse() as { code?: string; message?: string; issues?: unknown };
      return new GraphQLError(body.message ?? error.message, {
        extensions: {
          code: body.code ?? httpCode(error.getStatus()),
          status: error.getStatus(),
          ...(body.issues ? { issues: body.issues } : {}),
        },
      });
    }
    const correlationId = randomUUID();
    this.logger.error({
      correlationId,
      error: error instanceof Error ? error.stack : String(error),
    });
    return new GraphQLError('internal error', { extensions: { code: 'INTERNAL', correlationId } });
  }
}

/** The HTTP status an error is answered with (as the filter answers it). */
export function statusOf(error: unknown): number {
  if (error instanceof DataAccessError) return STATUS[error.code];
  if (error instanceof HttpException) return error.getStatus();
  return bodyParserError(error)?.status ?? 500;
}

function httpCode(status: number): string {
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 404) return 'NOT_FOUND';
  if (status === 400) return 'INVALID';
  return `HTTP_${status}`;
}

/** Errors of the JSON body parser (too large, bad encoding, bad JSON) are the client's: 4xx. */
function bodyParserError(
  error: unknown,
): { status: number; code: string; message: string } | undefined {
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
  const codes: Record<string, string> = {
    'entity.too.large': 'PAYLOAD_TOO_LARGE',
    'encoding.unsupported': 'UNSUPPORTED_ENCODING',
    'entity.parse.failed': 'MALFORMED_JSON',
  };
  const code = typeof type === 'string' ? (codes[type] ?? 'INVALID') : 'INVALID_BODY';
  return { status, code, message: typeof message === 'string' ? message : 'invalid request body' };
}
