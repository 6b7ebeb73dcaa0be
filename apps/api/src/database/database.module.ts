import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  AgentTokenRepository,
  ApiKeyRepository,
  AuditEventRepository,
  BaselineRepository,
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
import { API_CONFIG, type ApiConfig } from '../config';

/** The database and one provider per repository; the connection closes on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: Database,
      useFactory: (config: ApiConfig) => new Database(config.databaseUrl),
      inject: [API_CONFIG],
    },
    {
      provide: ApiKeyRepository,
      useFactory: (db: Database) => new ApiKeyRepository(db),
      inject: [Database],
    },
    {
      provide: AgentTokenRepository,
      useFactory: (db: Database) => new AgentTokenRepository(db),
      inject: [Database],
    },
    {
      provide: ClusterRepository,
      useFactory: (db: Database) => new ClusterRepository(db),
      inject: [Database],
    },
    {
      provide: SnapshotRepository,
      useFactory: (db: Database) => new SnapshotRepository(db),
      inject: [Database],
    },
    {
      provide: AuditEventRepository,
      useFactory: (db: Database) => new AuditEventRepository(db),
      inject: [Database],
    },
    {
      provide: BaselineRepository,
      useFactory: (db: Database) => new BaselineRepository(db),
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
  ],
  exports: [
    Database,
    ApiKeyRepository,
    AgentTokenRepository,
    ClusterRepository,
    SnapshotRepository,
    AuditEventRepository,
    BaselineRepository,
    PromotionRepository,
    DriftAlertRepository,
    ConnectivityReferenceRepository,
    WaiverRepository,
    ComplianceResultRepository,
    EvidencePackRepository,
  ],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
