import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { QUEUES, webhookEventSchema } from '@fenceline/contracts';
import { NotifyService } from './notify.service';
import { failOnCorruptData } from '../jobs/corrupt-data';

/** The `notify` queue: validate the event, fan it out to the subscriptions. Errors rethrown for retries. */
@Processor(QUEUES.notify)
export class NotifyProcessor extends WorkerHost {
  private readonly logger = new Logger(NotifyProcessor.name);

  constructor(@Inject(NotifyService) private readonly service: NotifyService) {
    super();
  }

  async process(job: Job): Promise<{ subscriptions: number; enqueued: number }> {
    const parsed = webhookEventSchema.safeParse(job.data);
    // A malformed event stays malformed: fail it now instead of retrying.
    if (!parsed.success)
      throw new UnrecoverableError(
        `invalid webhook event: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ')}`,
      );
    const result = await failOnCorruptData(() => this.service.fanOut(parsed.data));
    this.logger.log({
      msg: 'event fanned out',
      eventId: parsed.data.id,
      type: parsed.data.type,
      organizationId: parsed.data.organizationId,
      ...result,
    });
    return result;
  }
}
