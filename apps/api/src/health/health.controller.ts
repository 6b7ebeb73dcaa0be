import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { SkipThrottle } from '@nestjs/throttler';
import type { Queue } from 'bullmq';
import { QUEUES } from '@fenceline/contracts';
import { Database } from '@fenceline/data-access';

/** Liveness and readiness for orchestrators; no authentication, no rate limit. */
@Controller()
@SkipThrottle()
export class HealthController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @InjectQueue(QUEUES.analyze) private readonly queue: Queue,
  ) {}

  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readyz(): Promise<{ status: 'ready'; checks: Record<string, 'ok'> }> {
    const failed: string[] = [];
    await this.db.ping().catch(() => failed.push('PostgreSQL'));
    // A real round trip to Redis, bounded: commands wait for a reconnect rather than fail.
    await withTimeout(this.queue.getJobCountByTypes('waiting'), 2000).catch(() =>
      failed.push('Redis'),
    );
    if (failed.length > 0) {
      throw new ServiceUnavailableException({
        code: 'NOT_READY',
        message: `${failed.join(' and ')} not reachable`,
      });
    }
    return { status: 'ready', checks: { postgres: 'ok', redis: 'ok' } };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
