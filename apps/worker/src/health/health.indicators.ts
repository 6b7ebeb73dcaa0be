import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { probe, QUEUES, withTimeout } from '@fenceline/contracts';
import { Database } from '@fenceline/data-access';
import { WORKER_CONFIG, type WorkerConfig } from '../config';
import { JobObserver } from '../jobs/job-observer';

const WARM_UP_MS = 5000;

/** The worker's readiness checks as terminus indicators, each bounded by `READINESS_TIMEOUT_MS`. */
@Injectable()
export class WorkerHealthIndicators implements OnApplicationBootstrap {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(Database) private readonly db: Database,
    @InjectQueue(QUEUES.analyze) private readonly queue: Queue,
    @Inject(JobObserver) private readonly jobs: JobObserver,
  ) {}

  /**
   * The first query of a process loads Prisma's query compiler, which blocks the event loop for
   * half a second or more: done at boot, so that no probe pays it (a failure here is the probes'
   * to report).
   */
  async onApplicationBootstrap(): Promise<void> {
    await withTimeout(this.db.ping(), WARM_UP_MS).catch(() => undefined);
  }

  postgres(): Promise<HealthIndicatorResult> {
    return probe(this.indicators.check('postgres'), () => this.db.ping(), this.timeout);
  }

  /** A real round trip: ioredis queues commands while it reconnects instead of failing them. */
  redis(): Promise<HealthIndicatorResult> {
    return probe(
      this.indicators.check('redis'),
      () => this.queue.getJobCountByTypes('waiting'),
      this.timeout,
    );
  }

  /** Every processor's worker is running: not before bootstrap, not once shutdown has begun. */
  processors(): HealthIndicatorResult {
    const session = this.indicators.check('processors');
    const workers = this.jobs.workers;
    if (!workers || workers.length === 0) return session.down({ message: 'not started' });
    const stopped = workers.filter((w) => !w.isRunning() || w.closing !== undefined);
    return stopped.length === 0
      ? session.up({ queues: workers.map((w) => w.name) })
      : session.down({ message: `not running: ${stopped.map((w) => w.name).join(', ')}` });
  }

  private get timeout(): number {
    return this.config.readinessTimeoutMs;
  }
}
