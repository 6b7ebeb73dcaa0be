import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { analyzeJobSchema, QUEUES } from '@fenceline/contracts';
import { AnalyzeService } from './analyze.service';

/** The `analyze` queue: parse the payload, call the service, return. Errors rethrown for retries. */
@Processor(QUEUES.analyze)
export class AnalyzeProcessor extends WorkerHost {
  private readonly logger = new Logger(AnalyzeProcessor.name);

  constructor(@Inject(AnalyzeService) private readonly service: AnalyzeService) {
    super();
  }

  async process(job: Job): Promise<{ classCount: number; connections: number }> {
    const data = analyzeJobSchema.parse(job.data);
    const result = await this.service.analyze(data);
    this.logger.log({ msg: 'analysed', snapshotId: data.snapshotId, ...result });
    return result;
  }
}
