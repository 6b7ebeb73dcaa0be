import { randomUUID } from 'node:crypto';
import { webhookEventSchema, type WebhookEvent, type WebhookEventType } from './webhook-events';

/**
 * A new event for the `notify` queue: a random id (also the job id, so publishing twice is
 * harmless) and `occurredAt` now. Throws if the organization id is not a UUID.
 *
 * @example createWebhookEvent(orgId, 'alert.opened', { alertId, severity: 'critical', … })
 */
export function createWebhookEvent(
  organizationId: string,
  type: WebhookEventType,
  data: Readonly<Record<string, unknown>>,
  options: { readonly id?: string; readonly now?: Date } = {},
): WebhookEvent {
  return webhookEventSchema.parse({
    id: options.id ?? randomUUID(),
    type,
    organizationId,
    occurredAt: (options.now ?? new Date()).toISOString(),
    data,
  });
}
