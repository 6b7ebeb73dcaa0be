import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';
import { ExportsController } from './exports.controller';
import { WaiversController } from './waivers.controller';
import { WaiversService } from './waivers.service';

/** Compliance reports, settings and waivers (results are computed by the worker). */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.export })],
  controllers: [ComplianceController, WaiversController, ExportsController],
  providers: [ComplianceService, WaiversService, ApiKeyGuard],
  exports: [ComplianceService, WaiversService],
})
export class ComplianceModule {}
