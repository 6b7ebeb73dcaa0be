import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AgentTokenRepository, ApiKeyRepository, AuditEventRepository, ClusterRepository, Database, SnapshotRepository } from '@fenceline/data-access';
import { API_CONFIG, type ApiConfig } from '../config';

/** The database and one provider per repository; the connection closes on shutdown. */
@Global()
@Module({
  providers: [
    { provide: Database, useFactory: (config: ApiConfig) => new Database(config.databaseUrl), inject: [API_CONFIG] },
    { provide: ApiKeyRepository, useFactory: (db: Database) => new ApiKeyRepository(db), inject: [Database] },
    { provide: AgentTokenRepository, useFactory: (db: Database) => new AgentTokenRepository(db), inject: [Database] },
    { provide: ClusterRepository, useFactory: (db: Database) => new ClusterRepository(db), inject: [Database] },
    { provide: SnapshotRepository, useFactory: (db: Database) => new SnapshotRepository(db), inject: [Database] },
    { provide: AuditEventRepository, useFactory: (db: Database) => new AuditEventRepository(db), inject: [Database] },
  ],
  exports: [Database, ApiKeyRepository, AgentTokenRepository, ClusterRepository, SnapshotRepository, AuditEventRepository],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
