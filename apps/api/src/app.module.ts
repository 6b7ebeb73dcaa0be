import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { ClustersModule } from './clusters/clusters.module';
import { API_CONFIG, type ApiConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { HttpErrorFilter } from './errors/http-error.filter';
import { HealthController } from './health/health.controller';
import { IngestModule } from './ingest/ingest.module';

/** The API, built from a validated configuration (tests pass their own). */
@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        BullModule.forRoot({ prefix: config.queuePrefix, connection: { url: config.redisUrl, maxRetriesPerRequest: null } }),
        DatabaseModule,
        ClustersModule,
        IngestModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: API_CONFIG, useValue: config }, { provide: APP_FILTER, useClass: HttpErrorFilter }],
      exports: [API_CONFIG],
    };
  }
}
