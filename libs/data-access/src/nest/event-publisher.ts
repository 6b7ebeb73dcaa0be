import type { FactoryProvider, InjectionToken } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  createWebhookEvent,
  NOTIFY_JOB_OPTIONS,
  QUEUES,
  type WebhookEventType,
} from '@fenceline/contracts';

/**
 * Publishes webhook events — from the API (promotions, alert changes) and the worker (drift
 * alerts): one `notify` job per event, whose id is the event id; the worker's notify and deliver
 * processors send it. Provide it with {@link eventPublisherProvider}.
 */
export class EventPublisher {
  constructor(private readonly queue: Pick<Queue, 'add'>) {}

  async publish(
    organizationId: string,
    type: WebhookEventType,
    data: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const event = createWebhookEvent(organizationId, type, data);
    await this.queue.add(QUEUES.notify, event, { ...NOTIFY_JOB_OPTIONS, jobId: event.id });
  }
}

/**
 * The {@link EventPublisher} over the `notify` queue, whose token the module passes
 * (`getQueueToken(QUEUES.notify)` of `@nestjs/bullmq`; the module registers that queue).
 */
export function eventPublisherProvider(notifyQueue: InjectionToken): FactoryProvider {
  return {
    provide: EventPublisher,
    useFactory: (queue: Queue) => new EventPublisher(queue),
    inject: [notifyQueue],
  };
}
