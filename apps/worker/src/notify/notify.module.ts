import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import {
  Database,
  eventPublisherProvider,
  EventPublisher,
  sealedWebhookRepository,
  WebhookRepository,
} from '@fenceline/data-access';
import type { WorkerConfig } from '../config';
import { DeliverProcessor } from './deliver.processor';
import { DeliverService } from './deliver.service';
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
          useFactory: (db: Database) =>
            sealedWebhookRepository(db, config, (m) => new Logger(NotifyModule.name).warn(m), {
              disableAfterFailures: config.webhooks.disableAfterFailures,
            }),
          inject: [Database],
        },
        NotifyService,
        NotifyProcessor,
        DeliverService,
        DeliverProcessor,
        eventPublisherProvider(getQueueToken(QUEUES.notify)),
      ],
      exports: [EventPublisher],
    };
  }
}
