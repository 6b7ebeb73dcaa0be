import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataAccessError } from '@fenceline/data-access';

const STATUS = { NOT_FOUND: 404, CONFLICT: 409, INVALID: 400 } as const;

/**
 * Maps every error to an HTTP answer once: typed errors to their status and code, anything else
 * to a 500 with a correlation id and nothing internal (the details go to the log).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    if (error instanceof DataAccessError) {
      response.status(STATUS[error.code]).json({ code: error.code, message: error.message });
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const payload = typeof body === 'object' && body !== null && 'code' in body ? body : { code: httpCode(error.getStatus()), message: error.message };
      response.status(error.getStatus()).json(payload);
      return;
    }
    const correlationId = randomUUID();
    this.logger.error({ correlationId, error: error instanceof Error ? error.stack : String(error) });
    response.status(500).json({ code: 'INTERNAL', message: 'internal error', correlationId });
  }
}

function httpCode(status: number): string {
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 404) return 'NOT_FOUND';
  if (status === 400) return 'INVALID';
  return `HTTP_${status}`;
}
