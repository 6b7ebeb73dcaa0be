import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import { Database, SecretBox, WebhookRepository } from '@fenceline/data-access';
import type { WorkerConfig } from '../config';
import { DeliverProcessor } from './deliver.processor';
import { DeliverService } from './deliver.service';
import { EventPublisher } from './event-publisher';
import { NotifyProcessor } from './notify.processor';
import { NotifyService } from './notify.service';
import { NOTIFY_SETTINGS, type NotifySettings } from './notify-settings';

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Webhook notifications: the `notify` (fan-out) and `deliver` (send) processors, and the
 * {@link EventPublisher} other worker modules inject to publish events. Needs the worker's
 * {@link Database} provided globally.
 */
@Module({})
export class NotifyModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    const settings: NotifySettings = {
      maxAttempts: config.webhooks.maxAttempts,
      backoffMs: config.webhooks.backoffMs,
      timeoutMs: DELIVERY_TIMEOUT_MS,
    };
    return {
      module: NotifyModule,
      imports: [BullModule.registerQueue({ name: QUEUES.notify }, { name: QUEUES.deliver })],
      providers: [
        { provide: NOTIFY_SETTINGS, useValue: settings },
        {
          provide: WebhookRepository,
          useFactory: (db: Database) => {
            if (config.secretsKeyIsDevelopment) {
              new Logger(NotifyModule.name).warn(
                'SECRETS_KEY is not set: webhook secrets are sealed with the fixed development key (never do this in production)',
              );
            }
            return new WebhookRepository(db, new SecretBox(config.secretsKey), {
              disableAfterFailures: config.webhooks.disableAfterFailures,
            });
          },
          inject: [Database],
        },
        NotifyService,
        NotifyProcessor,
        DeliverService,
        DeliverProcessor,
        EventPublisher,
      ],
      exports: [EventPublisher],
    };
  }
}
