import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Database } from '@fenceline/data-access';

/** Liveness and readiness for orchestrators; no authentication. */
@Controller()
export class HealthController {
  constructor(@Inject(Database) private readonly db: Database) {}

  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readyz(): Promise<{ status: 'ready'; checks: Record<string, 'ok'> }> {
    try {
      await this.db.ping();
    } catch {
      throw new ServiceUnavailableException({ code: 'NOT_READY', message: 'PostgreSQL is not reachable' });
    }
    return { status: 'ready', checks: { postgres: 'ok' } };
  }
}
