import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GraphqlErrorFilter } from './graphql-error.filter';
import { mapError } from './error-mapping';
import { requestIdOf } from '../logging/request-id-of';

/**
 * REST: every error answered once — coded errors with their status and `{ code, message,
 * issues? }`, anything else a 500 with a correlation id and nothing internal (the details go to
 * the log). Registered globally; a GraphQL operation's error is handed to {@link GraphqlErrorFilter}.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);
  private readonly graphql = new GraphqlErrorFilter();

  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return this.graphql.catch(error, host);
    const response = host
      .switchToHttp()
      .getResponse<{ status(code: number): { json(body: unknown): void } }>();
    const mapped = mapError(error);
    if (mapped) {
      const { status, ...body } = mapped;
      response.status(status).json(body);
      return undefined;
    }
    // The request id, so that the answer, the request log line and this error line meet.
    const correlationId = requestIdOf(host) ?? randomUUID();
    this.logger.error({
      correlationId,
      error: error instanceof Error ? error.stack : String(error),
    });
    response.status(500).json({ code: 'INTERNAL', message: 'internal error', correlationId });
    return undefined;
  }
}

/** The HTTP status an error is answered with (as the filter answers it). */
export function statusOf(error: unknown): number {
  return mapError(error)?.status ?? 500;
}
