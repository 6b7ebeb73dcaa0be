import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { complianceJobSchema, QUEUES } from '@fenceline/contracts';
import { ComplianceService, type ComplianceOutcome } from './compliance.service';
import { failOnCorruptData } from '../jobs/corrupt-data';

/** The `compliance` queue: evaluate every framework on one snapshot. Errors rethrown for retries. */
@Processor(QUEUES.compliance)
export class ComplianceProcessor extends WorkerHost {
  private readonly logger = new Logger(ComplianceProcessor.name);

  constructor(@Inject(ComplianceService) private readonly service: ComplianceService) {
    super();
  }

  async process(job: Job): Promise<ComplianceOutcome> {
    const data = complianceJobSchema.parse(job.data);
    const result = await failOnCorruptData(() => this.service.evaluate(data));
    this.logger.log({ msg: 'compliance evaluated', snapshotId: data.snapshotId, ...result });
    return result;
  }
}
