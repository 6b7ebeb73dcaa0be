import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import {
  deliverJobOptions,
  QUEUES,
  type DeliverJob,
  type WebhookEvent,
} from '@fenceline/contracts';
import { WebhookRepository } from '@fenceline/data-access';
import { NOTIFY_SETTINGS, type NotifySettings } from './notify-settings';

/**
 * Fans one event out: a pending delivery per active subscription that asked for its type, and a
 * `deliver` job per delivery (job id = delivery id). Running it again for the same event finds
 * the same deliveries and adds no job twice.
 */
@Injectable()
export class NotifyService {
  constructor(
    @Inject(WebhookRepository) private readonly webhooks: WebhookRepository,
    @InjectQueue(QUEUES.deliver) private readonly deliverQueue: Queue,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  async fanOut(event: WebhookEvent): Promise<{ subscriptions: number; enqueued: number }> {
    const subscriptions = await this.webhooks.activeFor(event.organizationId, event.type);
    const deliveries = await this.webhooks.createPendingDeliveries(
      event.organizationId,
      event,
      subscriptions.map((s) => s.id),
    );
    const pending = deliveries.filter((d) => d.status === 'pending');
    const options = deliverJobOptions(this.settings.maxAttempts, this.settings.backoffMs);
    await this.deliverQueue.addBulk(
      pending.map((d) => {
        const data: DeliverJob = { organizationId: event.organizationId, deliveryId: d.id };
        return { name: QUEUES.deliver, data, opts: { ...options, jobId: d.id } };
      }),
    );
    return { subscriptions: subscriptions.length, enqueued: pending.length };
  }
}
