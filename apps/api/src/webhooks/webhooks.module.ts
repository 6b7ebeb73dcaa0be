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
import { API_CONFIG, type ApiConfig } from '../config';
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
    {
      provide: WebhookRepository,
      useFactory: (db: Database, config: ApiConfig) =>
        sealedWebhookRepository(db, config, (m) => new Logger(WebhooksModule.name).warn(m)),
      inject: [Database, API_CONFIG],
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
