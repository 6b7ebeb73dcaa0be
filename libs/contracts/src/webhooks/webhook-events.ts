import { z } from 'zod';

/** The events a webhook subscription can ask for. */
export const WEBHOOK_EVENT_TYPES = [
  'alert.opened',
  'alert.resolved',
  'promotion.requested',
  'promotion.approved',
  'promotion.rejected',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * One event, as producers publish it (job `notify`) and as the JSON format delivers it.
 * `data` carries the subject: for alerts `{ alertId, clusterId, clusterName, environment,
 * baselineName, kind, severity, subject, status }`; for promotions `{ promotionId, baselineName,
 * version, environment, requestedBy, decidedBy?, reason?, isRollback }`.
 */
export const webhookEventSchema = z.strictObject({
  id: z.uuid(),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  organizationId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
});

export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** `notify`: fan one event out to the organization's subscriptions. The job id is the event id. */
export const NOTIFY_JOB_OPTIONS = Object.freeze({
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
});
