import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { createLogger, QUEUES } from '@fenceline/contracts';
import {
  AuditEventRepository,
  ClusterRepository,
  ComplianceResultRepository,
  ConnectivityReferenceRepository,
  Database,
  DriftAlertRepository,
  EvidencePackRepository,
  PromotionRepository,
  SnapshotRepository,
  WaiverRepository,
} from '@fenceline/data-access';
import { AnalyzeProcessor } from './analyze/analyze.processor';
import { AnalyzeService } from './analyze/analyze.service';
import { ComplianceProcessor } from './compliance/compliance.processor';
import { ComplianceService } from './compliance/compliance.service';
import { WORKER_CONFIG, type WorkerConfig } from './config';
import { DriftProcessor } from './drift/drift.processor';
import { ALERT_EVENT_SINK, DriftService } from './drift/drift.service';
import { ExportProcessor } from './export/export.processor';
import { ExportService } from './export/export.service';
import { EventPublisher } from './notify/event-publisher';
import { NotifyModule } from './notify/notify.module';
import { WorkerHttpModule } from './health/worker-http.module';
import { RetentionModule } from './retention/retention.module';

/** The worker: BullMQ processors over the database. */
@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** `logDestination`: where logs go instead of stdout (tests read them). */
  static forConfig(config: WorkerConfig, logDestination?: DestinationStream): DynamicModule {
    const logger = createLogger(
      { app: 'worker', level: config.logLevel, format: config.logFormat },
      logDestination,
    );
    return {
      module: WorkerModule,
      // Global so the feature modules it imports (notify) share its one Database.
      global: true,
      imports: [
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
        { provide: Database, useFactory: () => new Database(config.databaseUrl) },
        {
          provide: SnapshotRepository,
          useFactory: (db: Database) => new SnapshotRepository(db),
          inject: [Database],
        },
        {
          provide: ClusterRepository,
          useFactory: (db: Database) => new ClusterRepository(db),
          inject: [Database],
        },
        {
          provide: PromotionRepository,
          useFactory: (db: Database) => new PromotionRepository(db),
          inject: [Database],
        },
        {
          provide: DriftAlertRepository,
          useFactory: (db: Database) => new DriftAlertRepository(db),
          inject: [Database],
        },
        {
          provide: ConnectivityReferenceRepository,
          useFactory: (db: Database) => new ConnectivityReferenceRepository(db),
          inject: [Database],
        },
        {
          provide: WaiverRepository,
          useFactory: (db: Database) => new WaiverRepository(db),
          inject: [Database],
        },
        {
          provide: ComplianceResultRepository,
          useFactory: (db: Database) => new ComplianceResultRepository(db),
          inject: [Database],
        },
        {
          provide: EvidencePackRepository,
          useFactory: (db: Database) => new EvidencePackRepository(db),
          inject: [Database],
        },
        {
          provide: AuditEventRepository,
          useFactory: (db: Database) => new AuditEventRepository(db),
          inject: [Database],
        },
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
      exports: [Database, WORKER_CONFIG],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
