import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type Observable, tap } from 'rxjs';
import { requestOf } from '../auth/principal';
import { statusOf } from '../errors/http-error.filter';
import { ApiMetrics } from './metrics';

/** Times every request by method, route pattern (not the raw path) and status. */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(@Inject(ApiMetrics) private readonly metrics: ApiMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = requestOf<{
      method: string;
      route?: { path?: string };
      res: { statusCode: number };
    }>(context);
    const end = this.metrics.httpRequests.startTimer();
    const record = (status: number): void => {
      end({
        method: request.method,
        route: request.route?.path ?? 'unknown',
        status: String(status),
      });
    };
    return next.handle().pipe(
      tap({
        next: () => record(request.res.statusCode),
        error: (error: unknown) => record(statusOf(error)),
      }),
    );
  }
}
