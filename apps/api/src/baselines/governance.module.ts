import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import { AlertsController } from '../alerts/alerts.controller';
import { AlertsResolver } from '../alerts/alerts.resolver';
import { AlertsService } from '../alerts/alerts.service';
import { ReferencesController } from '../alerts/references.controller';
import { ReferencesService } from '../alerts/references.service';
import { AuditController } from '../audit/audit.controller';
import { AuditResolver } from '../audit/audit.resolver';
import { AuditService } from '../audit/audit.service';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { DriftTrigger } from '../promotions/drift-trigger';
import { PromotionsController } from '../promotions/promotions.controller';
import { PromotionsResolver } from '../promotions/promotions.resolver';
import { PromotionsService } from '../promotions/promotions.service';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { BaselinesController } from './baselines.controller';
import { BaselinesResolver } from './baselines.resolver';
import { BaselinesService } from './baselines.service';

/**
 * Baselines, promotions, drift alerts, connectivity references and the audit log: REST and
 * GraphQL through one service per feature.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.drift }), WebhooksModule],
  controllers: [
    BaselinesController,
    PromotionsController,
    AlertsController,
    ReferencesController,
    AuditController,
  ],
  providers: [
    BaselinesService,
    PromotionsService,
    AlertsService,
    ReferencesService,
    AuditService,
    DriftTrigger,
    BaselinesResolver,
    PromotionsResolver,
    AlertsResolver,
    AuditResolver,
    ApiKeyGuard,
  ],
  exports: [BaselinesService, PromotionsService, ReferencesService],
})
export class GovernanceModule {}
