import { type DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { createLogger, QUEUES } from '@fenceline/contracts';
import { DataAccessModule, EventPublisher } from '@fenceline/data-access';
import { AnalyzeProcessor } from './analyze/analyze.processor';
import { AnalyzeService } from './analyze/analyze.service';
import { ComplianceProcessor } from './compliance/compliance.processor';
import { ComplianceService } from './compliance/compliance.service';
import { WORKER_CONFIG, type WorkerConfig } from './config';
import { DriftProcessor } from './drift/drift.processor';
import { ALERT_EVENT_SINK, DriftService } from './drift/drift.service';
import { ExportProcessor } from './export/export.processor';
import { ExportService } from './export/export.service';
import { NotifyModule } from './notify/notify.module';
import { WorkerHttpModule } from './health/worker-http.module';
import { RetentionModule } from './retention/retention.module';

/** The worker: BullMQ processors over the database. */
@Module({})
export class WorkerModule {
  /** `logDestination`: where logs go instead of stdout (tests read them). */
  static forConfig(config: WorkerConfig, logDestination?: DestinationStream): DynamicModule {
    const logger = createLogger(
      { app: 'worker', level: config.logLevel, format: config.logFormat },
      logDestination,
    );
    return {
      module: WorkerModule,
      // Global so the feature modules it imports (notify, retention) see its config.
      global: true,
      imports: [
        // The one Database and its repositories, global; the connection closes on shutdown.
        DataAccessModule.forRoot({ databaseUrl: config.databaseUrl }),
        // Nest's logs through pino; the worker's HTTP side (probes, scrapes) writes no request logs.
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true }),
        BullModule.forRoot({
          prefix: config.queuePrefix,
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        }),
        BullModule.registerQueue(
          { name: QUEUES.analyze },
          { name: QUEUES.drift },
          { name: QUEUES.compliance },
          { name: QUEUES.export },
        ),
        NotifyModule.forConfig(config),
        RetentionModule,
        WorkerHttpModule,
      ],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: ALERT_EVENT_SINK, useExisting: EventPublisher },
        AnalyzeService,
        AnalyzeProcessor,
        DriftService,
        DriftProcessor,
        ComplianceService,
        ComplianceProcessor,
        ExportService,
        ExportProcessor,
      ],
      exports: [WORKER_CONFIG],
    };
  }
}
