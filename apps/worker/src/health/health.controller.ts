import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Readiness } from '@fenceline/contracts';
import { HealthChecks, type StatusResponse } from '@fenceline/data-access';

/**
 * The worker's liveness and readiness, on its own port (`WORKER_HTTP_PORT`). The checks are
 * libs/data-access' {@link HealthChecks}, the API's too, with the worker's processors check.
 */
@Controller()
export class WorkerHealthController {
  constructor(@Inject(HealthChecks) private readonly checks: HealthChecks) {}

  /** Liveness: the process answers; no I/O. */
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return this.checks.liveness();
  }

  /** Readiness: PostgreSQL and Redis answer in time and every processor runs, else 503. */
  @Get('readyz')
  readyz(@Res({ passthrough: true }) res: StatusResponse): Promise<Readiness['body']> {
    return this.checks.readiness(res);
  }
}
