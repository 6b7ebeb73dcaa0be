import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { deliverJobSchema, QUEUES } from '@fenceline/contracts';
import { DeliverService, UndeliverableError, type DeliveryOutcome } from './deliver.service';

/**
 * The `deliver` queue: one try of one delivery per run. A failed try throws so BullMQ retries
 * it with exponential backoff; the service marks the delivery failed on the last try.
 */
@Processor(QUEUES.deliver, { concurrency: 8 })
export class DeliverProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliverProcessor.name);

  constructor(@Inject(DeliverService) private readonly service: DeliverService) {
    super();
  }

  async process(job: Job): Promise<{ outcome: DeliveryOutcome; statusCode?: number }> {
    const parsed = deliverJobSchema.safeParse(job.data);
    if (!parsed.success)
      throw new UnrecoverableError(
        `invalid deliver job: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    const attempt = job.attemptsMade + 1;
    const final = attempt >= (job.opts.attempts ?? 1);
    try {
      const result = await this.service.deliver(parsed.data, { final });
      this.logger.log({
        msg: 'webhook delivery',
        deliveryId: parsed.data.deliveryId,
        attempt,
        ...result,
      });
      return result;
    } catch (error) {
      this.logger.warn({
        msg: 'webhook delivery attempt failed',
        deliveryId: parsed.data.deliveryId,
        attempt,
        final,
        error: error instanceof Error ? error.message : String(error),
      });
      if (error instanceof UndeliverableError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
