import { Logger, Module } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import {
  Database,
  eventPublisherProvider,
  EventPublisher,
  sealedWebhookRepository,
  WebhookPages,
  WebhookRepository,
} from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { loadWebhooksConfig, WEBHOOKS_CONFIG, type WebhooksConfig } from './webhooks.config';
import { WebhooksController } from './webhooks.controller';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/**
 * Webhook subscriptions (REST `/v1/webhooks` and GraphQL, admin only) and the
 * {@link EventPublisher} other modules import to publish events to the `notify` queue.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.notify })],
  controllers: [WebhooksController],
  providers: [
    // Read at boot: a bad or (in production) missing SECRETS_KEY stops the API here.
    { provide: WEBHOOKS_CONFIG, useFactory: () => loadWebhooksConfig() },
    {
      provide: WebhookRepository,
      useFactory: (db: Database, config: WebhooksConfig) =>
        sealedWebhookRepository(db, config, (m) => new Logger(WebhooksModule.name).warn(m)),
      inject: [Database, WEBHOOKS_CONFIG],
    },
    {
      provide: WebhookPages,
      useFactory: (db: Database) => new WebhookPages(db),
      inject: [Database],
    },
    WebhooksService,
    WebhooksResolver,
    ApiKeyGuard,
    eventPublisherProvider(getQueueToken(QUEUES.notify)),
  ],
  exports: [EventPublisher],
})
export class WebhooksModule {}
