import { Inject, Injectable } from '@nestjs/common';
import {
  DataAccessError,
  WebhookRepository,
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

const actorOf = (principal: Principal) => `api-key/${principal.apiKeyId}`;

/**
 * Webhook subscriptions of the caller's organization. The repository writes each change's audit
 * event (`webhook.created`, `webhook.deleted`, `webhook.enabled`) in the change's transaction.
 */
@Injectable()
export class WebhooksService {
  constructor(@Inject(WebhookRepository) private readonly webhooks: WebhookRepository) {}

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

  async list(actor: Principal): Promise<WebhookModel[]> {
    return (await this.webhooks.list(actor.organizationId)).map(toModel);
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

  async deliveries(actor: Principal, id: string, limit: number): Promise<WebhookDeliveryModel[]> {
    return (await this.webhooks.deliveries(actor.organizationId, id, { limit })).map(
      toDeliveryModel,
    );
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
