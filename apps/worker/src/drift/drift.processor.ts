import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { driftJobSchema, QUEUES } from '@fenceline/contracts';
import { DriftService, type DriftOutcome } from './drift.service';
import { failOnCorruptData } from '../jobs/corrupt-data';

/** The `drift` queue: evaluate one snapshot against its environment's baselines. Errors rethrown for retries. */
@Processor(QUEUES.drift)
export class DriftProcessor extends WorkerHost {
  private readonly logger = new Logger(DriftProcessor.name);

  constructor(@Inject(DriftService) private readonly service: DriftService) {
    super();
  }

  async process(job: Job): Promise<DriftOutcome> {
    const data = driftJobSchema.parse(job.data);
    const result = await failOnCorruptData(() => this.service.evaluate(data));
    this.logger.log({
      msg: 'drift evaluated',
      snapshotId: data.snapshotId,
      reason: data.reason,
      ...result,
    });
    return result;
  }
}
