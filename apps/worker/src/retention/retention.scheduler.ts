import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES, RETENTION_JOB_OPTIONS, RETENTION_SCHEDULER_ID } from '@fenceline/contracts';
import { WORKER_CONFIG, type WorkerConfig } from '../config';

/**
 * Registers the retention job scheduler at boot. Upserting by a fixed id is idempotent: every
 * worker replica and every restart leaves one scheduler and one next job; a changed
 * `RETENTION_SCHEDULE` replaces the pattern.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.retention) private readonly queue: Queue,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RETENTION_SCHEDULER_ID,
      { pattern: this.config.retentionSchedule, tz: 'UTC' },
      { name: QUEUES.retention, data: {}, opts: RETENTION_JOB_OPTIONS },
    );
  }
}
