import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  DataAccessError,
  WebhookPages,
  WebhookRepository,
  type Page,
  type PageRequest,
  type Principal,
  type WebhookDelivery,
  type WebhookSubscription,
} from '@fenceline/data-access';
import type { CreateWebhookDto } from './dto/create-webhook.dto';
import type {
  CreatedWebhookModel,
  WebhookDeliveryModel,
  WebhookModel,
} from './models/webhook.model';

/**
 * Webhook subscriptions of the caller's organization. The repository writes each change's audit
 * event (`webhook.created`, `webhook.deleted`, `webhook.enabled`) in the change's transaction.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(WebhookRepository) private readonly webhooks: WebhookRepository,
    @Inject(WebhookPages) private readonly pages: WebhookPages,
  ) {}

  async create(actor: Principal, input: CreateWebhookDto): Promise<CreatedWebhookModel> {
    const created = await this.webhooks.create(actor.organizationId, input, actorOf(actor));
    return {
      id: created.id,
      url: created.url,
      events: [...created.events],
      format: created.format,
      active: created.active,
      createdAt: created.createdAt.toISOString(),
      secret: created.secret,
    };
  }

  /** One page of the subscriptions, oldest first (no secrets). */
  async list(actor: Principal, page: PageRequest): Promise<Page<WebhookModel>> {
    const found = await this.pages.subscriptions(actor.organizationId, page);
    return { items: found.items.map(toModel), nextCursor: found.nextCursor };
  }

  async get(actor: Principal, id: string): Promise<WebhookModel> {
    const subscription = await this.webhooks.get(actor.organizationId, id);
    if (!subscription) throw new DataAccessError('NOT_FOUND', `webhook ${id} not found`);
    return toModel(subscription);
  }

  async delete(actor: Principal, id: string): Promise<void> {
    await this.webhooks.delete(actor.organizationId, id, actorOf(actor));
  }

  /** Re-enables a disabled subscription and resets its failure count. */
  async enable(actor: Principal, id: string): Promise<WebhookModel> {
    return toModel(await this.webhooks.enable(actor.organizationId, id, actorOf(actor)));
  }

  /** One page of a subscription's delivery log, newest first. */
  async deliveries(
    actor: Principal,
    id: string,
    page: PageRequest,
  ): Promise<Page<WebhookDeliveryModel>> {
    const found = await this.pages.deliveries(actor.organizationId, id, page);
    return { items: found.items.map(toDeliveryModel), nextCursor: found.nextCursor };
  }
}

function toModel(s: WebhookSubscription): WebhookModel {
  return {
    id: s.id,
    url: s.url,
    events: [...s.events],
    format: s.format,
    active: s.active,
    consecutiveFailures: s.consecutiveFailures,
    disabledAt: s.disabledAt?.toISOString() ?? null,
    disabledReason: s.disabledReason,
    createdAt: s.createdAt.toISOString(),
  };
}

function toDeliveryModel(d: WebhookDelivery): WebhookDeliveryModel {
  return {
    id: d.id,
    eventId: d.eventId,
    event: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}
