import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { probe, QUEUES } from '@fenceline/contracts';
import { Database } from '@fenceline/data-access';
import { WORKER_CONFIG, type WorkerConfig } from '../config';
import { JobObserver } from '../jobs/job-observer';

/** The worker's readiness checks as terminus indicators, each bounded by `READINESS_TIMEOUT_MS`. */
@Injectable()
export class WorkerHealthIndicators {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(Database) private readonly db: Database,
    @InjectQueue(QUEUES.analyze) private readonly queue: Queue,
    @Inject(JobObserver) private readonly jobs: JobObserver,
  ) {}

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
