import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QUEUES, retentionJobSchema } from '@fenceline/contracts';
import { RetentionService, type RetentionTotals } from './retention.service';
import { failOnCorruptData } from '../jobs/corrupt-data';

/** The `retention` queue (scheduled daily, see RetentionScheduler): parse, run, return. */
@Processor(QUEUES.retention)
export class RetentionProcessor extends WorkerHost {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(@Inject(RetentionService) private readonly service: RetentionService) {
    super();
  }

  async process(job: Job): Promise<RetentionTotals> {
    const data = retentionJobSchema.parse(job.data);
    const totals = await failOnCorruptData(() => this.service.run(data));
    this.logger.log({ msg: 'retention applied', ...totals });
    return totals;
  }
}
