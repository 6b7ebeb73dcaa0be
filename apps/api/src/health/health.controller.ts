import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { Readiness } from '@fenceline/contracts';
import { HealthChecks, type StatusResponse } from '@fenceline/data-access';

/**
 * Liveness and readiness for orchestrators; no authentication, no rate limit. The checks are
 * libs/data-access' {@link HealthChecks}, the worker's too; only the routes are declared here.
 */
@Controller()
@SkipThrottle()
export class HealthController {
  constructor(@Inject(HealthChecks) private readonly checks: HealthChecks) {}

  /** Liveness: the process answers; no I/O, so a slow database never restarts the API. */
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return this.checks.liveness();
  }

  /** Readiness: PostgreSQL and Redis each answer within `READINESS_TIMEOUT_MS`, else 503. */
  @Get('readyz')
  readyz(@Res({ passthrough: true }) res: StatusResponse): Promise<Readiness['body']> {
    return this.checks.readiness(res);
  }
}
