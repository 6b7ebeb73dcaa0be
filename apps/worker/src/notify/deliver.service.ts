import { Inject, Injectable } from '@nestjs/common';
import { signWebhook, webhookBody, type DeliverJob } from '@fenceline/contracts';
import {
  isCorruptData,
  SecretBoxError,
  WebhookRepository,
  type DeliveryTarget,
} from '@fenceline/data-access';
import { NOTIFY_SETTINGS, type NotifySettings } from './notify-settings';
import { postWebhook } from './webhook-sender';

export type DeliveryOutcome =
  'delivered' | 'already-delivered' | 'already-failed' | 'gone' | 'cancelled';

/** A try that did not get a 2xx; thrown so BullMQ retries with backoff. */
export class DeliveryAttemptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryAttemptError';
  }
}

/** The delivery cannot succeed on any retry (its secret does not open, its event is corrupt). */
export class UndeliverableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndeliverableError';
  }
}

/**
 * Sends one delivery: the formatted, signed body, once per try, each try recorded on the
 * delivery row. A 2xx delivers; anything else throws, and the last try marks the delivery
 * failed (which may disable the subscription). Only pending deliveries are sent.
 */
@Injectable()
export class DeliverService {
  constructor(
    @Inject(WebhookRepository) private readonly webhooks: WebhookRepository,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  async deliver(
    job: DeliverJob,
    attempt: { readonly final: boolean },
  ): Promise<{ outcome: DeliveryOutcome; statusCode?: number }> {
    const target = await this.target(job);
    if (!target) return { outcome: 'gone' };
    const { delivery, event, subscription, secret } = target;
    if (delivery.status === 'delivered') return { outcome: 'already-delivered' };
    if (delivery.status === 'failed') return { outcome: 'already-failed' };
    if (!subscription.active) {
      // Disabled meanwhile: stop without counting another failure against it.
      await this.webhooks.markFailed(job.organizationId, delivery.id, {
        reason: 'subscription disabled',
        counted: false,
      });
      return { outcome: 'cancelled' };
    }
    const body = webhookBody(event, subscription.format);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Fenceline-Webhooks/1',
      'x-fenceline-event': event.type,
      'x-fenceline-delivery': delivery.id,
      'x-fenceline-timestamp': String(timestamp),
      'x-fenceline-signature': signWebhook(secret, timestamp, body),
    };
    let statusCode: number | undefined;
    let error: string | undefined;
    try {
      const response = await postWebhook(subscription.url, body, headers, this.settings.timeoutMs);
      statusCode = response.statusCode;
      if (statusCode < 200 || statusCode > 299) error = describeStatus(statusCode, response.body);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    await this.webhooks.recordAttempt(job.organizationId, delivery.id, {
      statusCode: statusCode ?? null,
      error: error ?? null,
    });
    if (error === undefined) {
      await this.webhooks.markDelivered(job.organizationId, delivery.id);
      return { outcome: 'delivered', ...(statusCode === undefined ? {} : { statusCode }) };
    }
    if (attempt.final)
      await this.webhooks.markFailed(job.organizationId, delivery.id, { reason: error });
    throw new DeliveryAttemptError(error);
  }

  private async target(job: DeliverJob): Promise<DeliveryTarget | undefined> {
    try {
      return await this.webhooks.deliveryTarget(job.organizationId, job.deliveryId);
    } catch (error) {
      // Our key or our stored event, not the receiver, is at fault: fail the delivery without
      // counting it against the subscription.
      const reason =
        error instanceof SecretBoxError
          ? `cannot sign: ${error.message}`
          : isCorruptData(error)
            ? error.message
            : undefined;
      if (reason === undefined) throw error;
      await this.webhooks.markFailed(job.organizationId, job.deliveryId, {
        reason,
        counted: false,
      });
      throw new UndeliverableError(reason);
    }
  }
}

function describeStatus(statusCode: number, body: string): string {
  const redirect = statusCode >= 300 && statusCode <= 399 ? ' (redirects are not followed)' : '';
  const excerpt = body.trim().replace(/\s+/g, ' ').slice(0, 200);
  return `HTTP ${statusCode}${redirect}${excerpt ? `: ${excerpt}` : ''}`;
}
