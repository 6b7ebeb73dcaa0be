import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import { Database, RetentionRepository } from '@fenceline/data-access';
import { RetentionProcessor } from './retention.processor';
import { RETENTION_CLOCK, RetentionService } from './retention.service';
import { RetentionScheduler } from './retention.scheduler';

/**
 * Retention as scheduled maintenance (the `retention` queue and its job scheduler), instead of a
 * side effect of ingest traffic. Needs the worker's global Database and WORKER_CONFIG.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.retention })],
  providers: [
    {
      provide: RetentionRepository,
      useFactory: (db: Database) => new RetentionRepository(db),
      inject: [Database],
    },
    { provide: RETENTION_CLOCK, useValue: () => new Date() },
    RetentionService,
    RetentionProcessor,
    RetentionScheduler,
  ],
})
export class RetentionModule {}
