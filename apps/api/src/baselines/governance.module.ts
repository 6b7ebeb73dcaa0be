import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import { AlertsController } from '../alerts/alerts.controller';
import { ReferencesController } from '../alerts/references.controller';
import { ReferencesService } from '../alerts/references.service';
import { AuditController } from '../audit/audit.controller';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { DriftTrigger } from '../promotions/drift-trigger';
import { PromotionsController } from '../promotions/promotions.controller';
import { PromotionsService } from '../promotions/promotions.service';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { BaselinesController } from './baselines.controller';
import { BaselinesService } from './baselines.service';

/** Baselines, promotions, drift alerts, connectivity references and the audit log. */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.drift }), WebhooksModule],
  controllers: [
    BaselinesController,
    PromotionsController,
    AlertsController,
    ReferencesController,
    AuditController,
  ],
  providers: [BaselinesService, PromotionsService, ReferencesService, DriftTrigger, ApiKeyGuard],
  exports: [BaselinesService, PromotionsService, ReferencesService],
})
export class GovernanceModule {}
