import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import {
  createWebhookEvent,
  NOTIFY_JOB_OPTIONS,
  QUEUES,
  type WebhookEventType,
} from '@fenceline/contracts';

/**
 * Publishes webhook events from the worker (drift alerts): one `notify` job per event, whose id
 * is the event id. Subscribers get it through the notify and deliver processors.
 */
@Injectable()
export class EventPublisher {
  constructor(@InjectQueue(QUEUES.notify) private readonly queue: Queue) {}

  async publish(
    organizationId: string,
    type: WebhookEventType,
    data: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const event = createWebhookEvent(organizationId, type, data);
    await this.queue.add(QUEUES.notify, event, { ...NOTIFY_JOB_OPTIONS, jobId: event.id });
  }
}
