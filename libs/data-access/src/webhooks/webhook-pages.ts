import type { Database } from '../database';
import { DataAccessError, isUuid } from '../data-access-error';
import { pageArgs, pageOf, type Page, type PageRequest } from '../pagination/page';
import {
  subscriptionFields,
  toDelivery,
  toSubscription,
  type WebhookDelivery,
  type WebhookSubscription,
} from './webhook.model';

/** Webhook subscriptions and their delivery logs, page by page, for dashboards (read only). */
export class WebhookPages {
  constructor(private readonly db: Database) {}

  /** One page of the subscriptions, oldest first (no secrets). */
  async subscriptions(
    organizationId: string,
    page: PageRequest,
  ): Promise<Page<WebhookSubscription>> {
    const rows = await this.db.prisma.webhookSubscription.findMany({
      where: { organizationId },
      select: subscriptionFields,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(page),
    });
    return pageOf(rows, page, toSubscription);
  }

  /** One page of a subscription's delivery log, newest first; an unknown subscription is NOT_FOUND. */
  async deliveries(
    organizationId: string,
    subscriptionId: string,
    page: PageRequest,
  ): Promise<Page<WebhookDelivery>> {
    const exists =
      isUuid(subscriptionId) &&
      (await this.db.prisma.webhookSubscription.count({
        where: { id: subscriptionId, organizationId },
      })) > 0;
    if (!exists) throw new DataAccessError('NOT_FOUND', `webhook ${subscriptionId} not found`);
    const rows = await this.db.prisma.webhookDelivery.findMany({
      where: { organizationId, subscriptionId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageArgs(page),
    });
    return pageOf(rows, page, toDelivery);
  }
}
