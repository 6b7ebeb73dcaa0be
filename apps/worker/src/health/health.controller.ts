import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import { checkDetails, readinessOf, type Readiness } from '@fenceline/contracts';
import { WorkerHealthIndicators } from './health.indicators';

const PROBLEMS = {
  postgres: 'PostgreSQL not reachable',
  redis: 'Redis not reachable',
  processors: 'processors not running',
};

/** The worker's liveness and readiness, on its own port (`WORKER_HTTP_PORT`). */
@Controller()
export class WorkerHealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(WorkerHealthIndicators) private readonly indicators: WorkerHealthIndicators,
  ) {}

  /** Liveness: the process answers; no I/O. */
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis answer in time and every processor runs, else 503. */
  @Get('readyz')
  async readyz(
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<Readiness['body']> {
    const details = await checkDetails(() =>
      this.health.check([
        () => this.indicators.postgres(),
        () => this.indicators.redis(),
        () => this.indicators.processors(),
      ]),
    );
    const readiness = readinessOf(details, PROBLEMS);
    if (!readiness.ready) res.status(503);
    return readiness.body;
  }
}
