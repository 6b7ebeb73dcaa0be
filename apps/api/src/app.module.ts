import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppThrottlerGuard } from './auth/throttler.guard';
import { BullModule } from '@nestjs/bullmq';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphqlModule } from './graphql/graphql.module';
import { complexityPlugin } from './graphql/query-complexity';
import { complexityLimit, depthLimit } from './graphql/query-limits';
import { DEFAULT_PAGE_SIZE } from './pagination/page-query';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ClustersModule } from './clusters/clusters.module';
import { API_CONFIG, type ApiConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { HttpErrorFilter } from './errors/http-error.filter';
import { HealthModule } from './health/health.module';
import { ApiLoggingModule } from './logging/logging.module';
import type { DestinationStream } from 'pino';
import { IngestModule } from './ingest/ingest.module';
import { HttpMetricsInterceptor } from './metrics/http-metrics.interceptor';
import { ApiMetrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { WebhooksModule } from './webhooks/webhooks.module';
import { GovernanceModule } from './baselines/governance.module';
import { ComplianceModule } from './compliance/compliance.module';
import { QUEUES } from '@fenceline/contracts';

/** The API, built from a validated configuration (tests pass their own). */
@Module({})
export class AppModule {
  /** `logDestination`: where logs go instead of stdout (tests read them). */
  static forConfig(config: ApiConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ApiLoggingModule.forConfig(config, logDestination),
        BullModule.forRoot({
          prefix: config.queuePrefix,
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        }),
        BullModule.registerQueue({ name: QUEUES.analyze }),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.rateLimitPerMinute }]),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          context: ({ req }: { req: unknown }) => ({ req }),
          validationRules: [depthLimit(8), complexityLimit(500)],
          // List fan-out: a paged field's selection counts once per item its `limit` allows.
          plugins: [
            complexityPlugin({
              maxComplexity: config.graphqlMaxComplexity,
              defaultPageSize: DEFAULT_PAGE_SIZE,
            }),
          ],
          introspection: true,
          // Errors carry codes; stack traces stay in the logs.
          includeStacktraceInErrorResponses: false,
        }),
        DatabaseModule,
        ApiKeysModule,
        ClustersModule,
        GraphqlModule,
        IngestModule,
        WebhooksModule,
        GovernanceModule,
        ComplianceModule,
        HealthModule,
      ],
      controllers: [MetricsController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: ApiMetrics, useValue: new ApiMetrics() },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_GUARD, useClass: AppThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
      ],
      exports: [API_CONFIG, ApiMetrics],
    };
  }
}
