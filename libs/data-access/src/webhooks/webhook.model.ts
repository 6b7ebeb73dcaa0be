import { createHash } from 'node:crypto';
import {
  webhookEventSchema,
  type WebhookEvent,
  type WebhookEventType,
  type WebhookFormat,
} from '@fenceline/contracts';
import { parseColumn } from '../stored-json';

/** A webhook subscription as the application sees it: never its secret. */
export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly format: WebhookFormat;
  readonly active: boolean;
  /** Failed deliveries since the last successful one. */
  readonly consecutiveFailures: number;
  readonly disabledAt: Date | null;
  readonly disabledReason: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event sent (or being sent) to one subscription: the delivery log. */
export interface WebhookDelivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  /** The HTTP status of the latest attempt (null when it got no response). */
  readonly lastStatusCode: number | null;
  /** The error of the latest failed attempt; kept after a later success so the log shows it. */
  readonly lastError: string | null;
  readonly lastAttemptAt: Date | null;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
}

/** What the sender needs: the delivery, its event, where to and the plain secret to sign with. */
export interface DeliveryTarget {
  readonly delivery: WebhookDelivery;
  readonly event: WebhookEvent;
  readonly subscription: WebhookSubscription;
  readonly secret: string;
}

export const subscriptionFields = {
  id: true,
  url: true,
  events: true,
  format: true,
  active: true,
  consecutiveFailures: true,
  disabledAt: true,
  disabledReason: true,
  createdBy: true,
  createdAt: true,
} as const;

export function toSubscription(row: {
  id: string;
  url: string;
  events: string[];
  format: string;
  active: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdBy: string;
  createdAt: Date;
}): WebhookSubscription {
  return {
    ...row,
    events: row.events as WebhookEventType[],
    format: row.format === 'slack' ? 'slack' : 'json',
  };
}

export function toDelivery(row: {
  id: string;
  subscriptionId: string;
  event: string;
  payload: unknown;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
}): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventId: storedEvent(row).id,
    eventType: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
  };
}

/** The stored event of a delivery (`WebhookDelivery.payload`), parsed with the contract's schema. */
export function storedEvent(row: { id: string; payload: unknown }): WebhookEvent {
  return parseColumn(webhookEventSchema, row.payload, {
    table: 'WebhookDelivery',
    id: row.id,
    field: 'payload',
  });
}

/**
 * The id of the delivery of one event to one subscription: a name-based UUID (version 8 layout
 * over SHA-256), so fanning the same event out twice creates no second delivery.
 */
export function deliveryId(eventId: string, subscriptionId: string): string {
  const hash = createHash('sha256').update(`${eventId}/${subscriptionId}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where the secret of a subscription is bound (AES-GCM additional data). */
export function secretContext(organizationId: string, subscriptionId: string): string {
  return `webhook-subscription/${organizationId}/${subscriptionId}`;
}
