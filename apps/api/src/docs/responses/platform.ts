import { z } from 'zod';
import type {
  CreatedWebhookModel,
  WebhookDeliveryModel,
  WebhookModel,
} from '../../webhooks/models/webhook.model';
import { json, maybeTimestamp, noContent, page, timestamp, type ResponseDoc } from './common';

// Typed with the models they document: a field the model has and the schema lacks fails the
// typecheck.

const webhookSchema: z.ZodType<WebhookModel> = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  format: z.string().describe('json or slack'),
  active: z.boolean(),
  consecutiveFailures: z.int().describe('failed deliveries since the last successful one'),
  disabledAt: maybeTimestamp,
  disabledReason: z.string().nullable(),
  createdAt: timestamp,
});

const createdWebhookSchema: z.ZodType<CreatedWebhookModel> = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  format: z.string(),
  active: z.boolean(),
  createdAt: timestamp,
  secret: z.string().describe('HMAC-SHA256 signing secret; shown once'),
});

const deliverySchema: z.ZodType<WebhookDeliveryModel> = z.object({
  id: z.string(),
  eventId: z.string(),
  event: z.string(),
  status: z.string().describe('pending, delivered or failed'),
  attempts: z.int(),
  lastStatusCode: z.int().nullable(),
  lastError: z.string().nullable().describe('the latest failed attempt’s error'),
  lastAttemptAt: maybeTimestamp,
  createdAt: timestamp,
  deliveredAt: maybeTimestamp,
});

/** Webhooks, health and metrics. */
export const platformResponses: Readonly<Record<string, ResponseDoc>> = {
  WebhooksController_create: json(201, createdWebhookSchema),
  WebhooksController_list: page(webhookSchema),
  WebhooksController_get: json(200, webhookSchema),
  WebhooksController_delete: noContent(),
  WebhooksController_deliveries: page(deliverySchema),
  WebhooksController_enable: json(200, webhookSchema),
  ApiKeysController_revoke: noContent(),
  ClustersController_revokeAgentToken: noContent(),
  HealthController_healthz: json(200, z.object({ status: z.literal('ok') })),
  HealthController_readyz: json(
    200,
    z.object({
      status: z.literal('ready'),
      checks: z.object({ postgres: z.literal('ok'), redis: z.literal('ok') }),
    }),
  ),
  MetricsController_scrape: {
    status: 200,
    schema: z.string().describe('Prometheus text exposition format 0.0.4'),
    mediaType: 'text/plain; version=0.0.4',
  },
};
