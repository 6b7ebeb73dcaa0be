import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import { Database, SnapshotRepository } from '@fenceline/data-access';
import { AnalyzeProcessor } from './analyze/analyze.processor';
import { AnalyzeService } from './analyze/analyze.service';
import type { WorkerConfig } from './config';

/** The worker: BullMQ processors over the database. */
@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly db: Database) {}

  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        BullModule.forRoot({ prefix: config.queuePrefix, connection: { url: config.redisUrl, maxRetriesPerRequest: null } }),
        BullModule.registerQueue({ name: QUEUES.analyze }),
      ],
      providers: [
        { provide: Database, useFactory: () => new Database(config.databaseUrl) },
        { provide: SnapshotRepository, useFactory: (db: Database) => new SnapshotRepository(db), inject: [Database] },
        AnalyzeService,
        AnalyzeProcessor,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
