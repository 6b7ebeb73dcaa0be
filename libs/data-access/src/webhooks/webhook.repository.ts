import { randomBytes, randomUUID } from 'node:crypto';
import type { WebhookEvent, WebhookEventType, WebhookFormat } from '@fenceline/contracts';
import type { Database } from '../database';
import { systemActor } from '../api-keys/api-key.repository';
import { auditIn } from '../audit/audit-in-transaction';
import { WebhookPages } from './webhook-pages';
import { DataAccessError, isUuid } from '../data-access-error';
import type { SecretBox } from './secret-box';
import {
  deliveryId,
  secretContext,
  storedEvent,
  subscriptionFields,
  toDelivery,
  toSubscription,
  type DeliveryTarget,
  type WebhookDelivery,
  type WebhookSubscription,
} from './webhook.model';

export type {
  DeliveryTarget,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookSubscription,
} from './webhook.model';

export interface NewWebhookSubscription {
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly format?: WebhookFormat;
}

export interface WebhookRepositoryOptions {
  /** Consecutive failed deliveries after which a subscription is disabled (default 5). */
  readonly disableAfterFailures?: number;
}

export const DEFAULT_DISABLE_AFTER_FAILURES = 5;

/** Who the target of a subscription's audit events is. */
const target = (id: string) => `webhook/${id}`;
/** Audit events show where a webhook points, never the path (Slack puts its token there). */
const destination = (url: string) => new URL(url).origin;

/**
 * Webhook subscriptions and their delivery log, one organization at a time. Secrets are random
 * 32 bytes (base64url), sealed with the {@link SecretBox} and shown once, at creation. Every
 * change of a subscription writes its audit event in the same transaction.
 */
export class WebhookRepository {
  private readonly disableAfter: number;

  constructor(
    private readonly db: Database,
    private readonly secrets: SecretBox,
    options: WebhookRepositoryOptions = {},
  ) {
    this.disableAfter = options.disableAfterFailures ?? DEFAULT_DISABLE_AFTER_FAILURES;
  }

  /** Creates a subscription; the returned `secret` is the only time it is visible. */
  async create(
    organizationId: string,
    input: NewWebhookSubscription,
    actor: string,
  ): Promise<WebhookSubscription & { secret: string }> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const events = [...new Set(input.events)];
    const format = input.format ?? 'json';
    const row = await this.db.prisma.$transaction(async (tx) => {
      const created = await tx.webhookSubscription.create({
        data: {
          id,
          organizationId,
          url: input.url,
          events,
          format,
          secret: this.secrets.seal(secret, secretContext(organizationId, id)),
          createdBy: actor,
        },
        select: subscriptionFields,
      });
      await auditIn(tx, organizationId, {
        actor,
        action: 'webhook.created',
        target: target(id),
        after: { destination: destination(input.url), events, format },
      });
      return created;
    });
    return { ...toSubscription(row), secret };
  }

  async list(organizationId: string): Promise<WebhookSubscription[]> {
    const rows = await this.db.prisma.webhookSubscription.findMany({
      where: { organizationId },
      select: subscriptionFields,
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toSubscription);
  }

  async get(
    organizationId: string,
    subscriptionId: string,
  ): Promise<WebhookSubscription | undefined> {
    if (!isUuid(subscriptionId)) return undefined;
    const row = await this.db.prisma.webhookSubscription.findFirst({
      where: { id: subscriptionId, organizationId },
      select: subscriptionFields,
    });
    return row ? toSubscription(row) : undefined;
  }

  /** Deletes a subscription and its delivery log (pending deliveries then find nothing to send). */
  async delete(
    organizationId: string,
    subscriptionId: string,
    actor: string,
  ): Promise<WebhookSubscription> {
    const existing = await this.require(organizationId, subscriptionId);
    await this.db.prisma.$transaction(async (tx) => {
      const deleted = await tx.webhookSubscription.deleteMany({
        where: { id: subscriptionId, organizationId },
      });
      if (deleted.count === 0) throw notFound(subscriptionId);
      await auditIn(tx, organizationId, {
        actor,
        action: 'webhook.deleted',
        target: target(subscriptionId),
        before: {
          destination: destination(existing.url),
          events: [...existing.events],
          format: existing.format,
          active: existing.active,
        },
      });
    });
    return existing;
  }

  /** Re-enables a subscription and forgets its failures; a no-op (and no audit event) when it is active. */
  async enable(
    organizationId: string,
    subscriptionId: string,
    actor: string,
  ): Promise<WebhookSubscription> {
    const existing = await this.require(organizationId, subscriptionId);
    if (existing.active) return existing;
    const row = await this.db.prisma.$transaction(async (tx) => {
      const updated = await tx.webhookSubscription.update({
        where: { id: subscriptionId },
        data: { active: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null },
        select: subscriptionFields,
      });
      await auditIn(tx, organizationId, {
        actor,
        action: 'webhook.enabled',
        target: target(subscriptionId),
        before: {
          active: false,
          consecutiveFailures: existing.consecutiveFailures,
          disabledReason: existing.disabledReason,
        },
        after: { active: true, consecutiveFailures: 0 },
      });
      return updated;
    });
    return toSubscription(row);
  }

  /** The active subscriptions of an organization that asked for `eventType`. */
  async activeFor(
    organizationId: string,
    eventType: WebhookEventType,
  ): Promise<WebhookSubscription[]> {
    const rows = await this.db.prisma.webhookSubscription.findMany({
      where: { organizationId, active: true, events: { has: eventType } },
      select: subscriptionFields,
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toSubscription);
  }

  /**
   * One pending delivery of `event` per subscription. Idempotent: the delivery id derives from
   * the event and the subscription, so a retried fan-out finds the rows it made before.
   */
  async createPendingDeliveries(
    organizationId: string,
    event: WebhookEvent,
    subscriptionIds: readonly string[],
  ): Promise<WebhookDelivery[]> {
    if (subscriptionIds.length === 0) return [];
    const rows = subscriptionIds.map((subscriptionId) => ({
      id: deliveryId(event.id, subscriptionId),
      organizationId,
      subscriptionId,
      event: event.type,
      payload: event as object,
    }));
    await this.db.prisma.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
    const created = await this.db.prisma.webhookDelivery.findMany({
      where: { organizationId, id: { in: rows.map((r) => r.id) } },
      orderBy: { createdAt: 'asc' },
    });
    return created.map(toDelivery);
  }

  async delivery(organizationId: string, id: string): Promise<WebhookDelivery | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.prisma.webhookDelivery.findFirst({ where: { id, organizationId } });
    return row ? toDelivery(row) : undefined;
  }

  /** A delivery with its event, its subscription and the opened secret (undefined once deleted). */
  async deliveryTarget(organizationId: string, id: string): Promise<DeliveryTarget | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.prisma.webhookDelivery.findFirst({
      where: { id, organizationId },
      include: { subscription: true },
    });
    if (!row) return undefined;
    const { subscription } = row;
    return {
      delivery: toDelivery(row),
      event: storedEvent(row),
      subscription: toSubscription(subscription),
      secret: this.secrets.open(
        subscription.secret,
        secretContext(organizationId, subscription.id),
      ),
    };
  }

  /** Records one attempt: its HTTP status (if any answer came) and its error (if it failed). */
  async recordAttempt(
    organizationId: string,
    id: string,
    attempt: { statusCode?: number | null; error?: string | null },
  ): Promise<void> {
    await this.db.prisma.webhookDelivery.updateMany({
      where: { id, organizationId },
      data: {
        attempts: { increment: 1 },
        lastAttemptAt: new Date(),
        lastStatusCode: attempt.statusCode ?? null,
        ...(attempt.error ? { lastError: attempt.error.slice(0, 1000) } : {}),
      },
    });
  }

  /** Marks a pending delivery delivered and resets its subscription's failure count. */
  async markDelivered(organizationId: string, id: string): Promise<void> {
    await this.db.prisma.$transaction(async (tx) => {
      const delivery = await tx.webhookDelivery.findFirst({
        where: { id, organizationId },
        select: { subscriptionId: true },
      });
      const updated = await tx.webhookDelivery.updateMany({
        where: { id, organizationId, status: 'pending' },
        data: { status: 'delivered', deliveredAt: new Date() },
      });
      if (!delivery || updated.count === 0) return;
      await tx.webhookSubscription.update({
        where: { id: delivery.subscriptionId },
        data: { consecutiveFailures: 0 },
      });
    });
  }

  /**
   * Marks a pending delivery failed. Counted (the default), it adds to the subscription's
   * consecutive failures; reaching the threshold disables the subscription and records
   * `webhook.disabled` by `system`, in the same transaction. Returns whether it disabled it.
   */
  async markFailed(
    organizationId: string,
    id: string,
    options: { reason: string; counted?: boolean },
  ): Promise<{ subscriptionDisabled: boolean }> {
    return this.db.prisma.$transaction(async (tx) => {
      const delivery = await tx.webhookDelivery.findFirst({
        where: { id, organizationId },
        select: { subscriptionId: true },
      });
      const updated = await tx.webhookDelivery.updateMany({
        where: { id, organizationId, status: 'pending' },
        data: { status: 'failed', lastError: options.reason.slice(0, 1000) },
      });
      if (!delivery || updated.count === 0 || options.counted === false)
        return { subscriptionDisabled: false };
      // The increment locks the subscription row: concurrent failures count one after another.
      const subscription = await tx.webhookSubscription.update({
        where: { id: delivery.subscriptionId },
        data: { consecutiveFailures: { increment: 1 } },
        select: { active: true, consecutiveFailures: true },
      });
      if (!subscription.active || subscription.consecutiveFailures < this.disableAfter)
        return { subscriptionDisabled: false };
      const disabledReason =
        `${subscription.consecutiveFailures} consecutive failed deliveries (last: ${options.reason})`.slice(
          0,
          1000,
        );
      await tx.webhookSubscription.update({
        where: { id: delivery.subscriptionId },
        data: { active: false, disabledAt: new Date(), disabledReason },
      });
      await auditIn(tx, organizationId, {
        actor: systemActor('webhook-delivery'),
        action: 'webhook.disabled',
        target: target(delivery.subscriptionId),
        before: { active: true },
        after: {
          active: false,
          consecutiveFailures: subscription.consecutiveFailures,
          disabledReason,
        },
      });
      return { subscriptionDisabled: true };
    });
  }

  /** The delivery log of a subscription, newest first (at most 500). */
  async deliveries(
    organizationId: string,
    subscriptionId: string,
    options: { limit?: number } = {},
  ): Promise<WebhookDelivery[]> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    return (await new WebhookPages(this.db).deliveries(organizationId, subscriptionId, { limit }))
      .items;
  }

  private async require(
    organizationId: string,
    subscriptionId: string,
  ): Promise<WebhookSubscription> {
    const subscription = await this.get(organizationId, subscriptionId);
    if (!subscription) throw notFound(subscriptionId);
    return subscription;
  }
}

const notFound = (id: string) => new DataAccessError('NOT_FOUND', `webhook ${id} not found`);
