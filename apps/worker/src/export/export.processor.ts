import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { exportJobSchema, QUEUES } from '@fenceline/contracts';
import { ExportService } from './export.service';
import { failOnCorruptData } from '../jobs/corrupt-data';

/** The `export` queue: build one evidence pack; concurrency 1 keeps each scope's chain linear. */
@Processor(QUEUES.export, { concurrency: 1 })
export class ExportProcessor extends WorkerHost {
  private readonly logger = new Logger(ExportProcessor.name);

  constructor(@Inject(ExportService) private readonly service: ExportService) {
    super();
  }

  async process(job: Job): Promise<{ built: boolean; sha256?: string }> {
    const data = exportJobSchema.parse(job.data);
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await failOnCorruptData(() => this.service.build(data, final));
    this.logger.log({ msg: 'evidence pack', packId: data.packId, ...result });
    return result;
  }
}
