import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { FRAMEWORKS } from '@fenceline/compliance';
import { QUEUES } from '@fenceline/contracts';
import { ComplianceReports, Database, OrganizationRepository } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ComplianceController } from './compliance.controller';
import { ComplianceResolver } from './compliance.resolver';
import { ComplianceService } from './compliance.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { WaiversController } from './waivers.controller';
import { WaiversService } from './waivers.service';

/** Compliance reports, settings, waivers and exports (results are computed by the worker). */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.export })],
  controllers: [ComplianceController, WaiversController, ExportsController],
  providers: [
    {
      provide: ComplianceReports,
      useFactory: (db: Database) => new ComplianceReports(db, FRAMEWORKS),
      inject: [Database],
    },
    {
      provide: OrganizationRepository,
      useFactory: (db: Database) => new OrganizationRepository(db),
      inject: [Database],
    },
    ComplianceService,
    WaiversService,
    ExportsService,
    ComplianceResolver,
    ApiKeyGuard,
  ],
  exports: [ComplianceService, WaiversService],
})
export class ComplianceModule {}
