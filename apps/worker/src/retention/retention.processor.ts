import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QUEUES, retentionJobSchema } from '@fenceline/contracts';
import { RetentionService, type RetentionTotals } from './retention.service';

/** The `retention` queue (scheduled daily, see RetentionScheduler): parse, run, return. */
@Processor(QUEUES.retention)
export class RetentionProcessor extends WorkerHost {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(@Inject(RetentionService) private readonly service: RetentionService) {
    super();
  }

  async process(job: Job): Promise<RetentionTotals> {
    const totals = await this.service.run(retentionJobSchema.parse(job.data));
    this.logger.log({ msg: 'retention applied', ...totals });
    return totals;
  }
}
