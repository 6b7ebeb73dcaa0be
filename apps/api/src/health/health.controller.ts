import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { checkDetails, readinessOf, type Readiness } from '@fenceline/contracts';
import { ApiHealthIndicators } from './health.indicators';

const PROBLEMS = { postgres: 'PostgreSQL not reachable', redis: 'Redis not reachable' };

/** Liveness and readiness for orchestrators; no authentication, no rate limit. */
@Controller()
@SkipThrottle()
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(ApiHealthIndicators) private readonly indicators: ApiHealthIndicators,
  ) {}

  /** Liveness: the process answers; no I/O, so a slow database never restarts the API. */
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis each answer within `READINESS_TIMEOUT_MS`, else 503. */
  @Get('readyz')
  async readyz(
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<Readiness['body']> {
    const details = await checkDetails(() =>
      this.health.check([() => this.indicators.postgres(), () => this.indicators.redis()]),
    );
    const readiness = readinessOf(details, PROBLEMS);
    if (!readiness.ready) res.status(503);
    return readiness.body;
  }
}
