import type {
  DynamicModule,
  InjectionToken,
  OnApplicationShutdown,
  Provider,
} from '@nestjs/common';
import { AgentTokenRepository } from '../agent-tokens/agent-token.repository';
import { ApiKeyRepository } from '../api-keys/api-key.repository';
import { AuditEventRepository } from '../audit/audit-event.repository';
import { BaselineRepository } from '../baselines/baseline.repository';
import { PromotionRepository } from '../baselines/promotion.repository';
import { ClusterRepository } from '../clusters/cluster.repository';
import { ComplianceResultRepository } from '../compliance/compliance-result.repository';
import { EvidencePackRepository } from '../compliance/evidence-pack.repository';
import { WaiverRepository } from '../compliance/waiver.repository';
import { Database } from '../database';
import { ConnectivityReferenceRepository } from '../drift/connectivity-reference.repository';
import { DriftAlertRepository } from '../drift/drift-alert.repository';
import { SnapshotRepository } from '../snapshots/snapshot.repository';

/**
 * The repositories that need nothing but the {@link Database} (the webhook repository also needs
 * the secrets key: {@link sealedWebhookRepository}).
 */
export const REPOSITORIES = [
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
] as const;

/** Where the database URL comes from: a value, or a factory over the app's config provider. */
export type DatabaseUrlSource =
  | { readonly databaseUrl: string }
  | {
      readonly useFactory: (...deps: never[]) => string;
      readonly inject: readonly InjectionToken[];
    };

const DATABASE_URL = Symbol('DATABASE_URL');
const DATABASE_SHUTDOWN = Symbol('DATABASE_SHUTDOWN');

/**
 * The database and one provider per repository of {@link REPOSITORIES}, global, for the API and
 * the worker alike; the connection closes on application shutdown. Built from providers only (no
 * decorators, only type imports of Nest), so the library stays loadable without Nest (the CLI).
 *
 * @example DataAccessModule.forRoot({ databaseUrl: config.databaseUrl })
 */
export class DataAccessModule {
  static forRoot(source: DatabaseUrlSource): DynamicModule {
    const url: Provider =
      'databaseUrl' in source
        ? { provide: DATABASE_URL, useValue: source.databaseUrl }
        : { provide: DATABASE_URL, useFactory: source.useFactory, inject: [...source.inject] };
    const repositories: Provider[] = REPOSITORIES.map((Repository) => ({
      provide: Repository,
      useFactory: (db: Database) => new Repository(db),
      inject: [Database],
    }));
    return {
      module: DataAccessModule,
      global: true,
      providers: [
        url,
        {
          provide: Database,
          useFactory: (databaseUrl: string) => new Database(databaseUrl),
          inject: [DATABASE_URL],
        },
        {
          provide: DATABASE_SHUTDOWN,
          useFactory: (db: Database): OnApplicationShutdown => ({
            onApplicationShutdown: () => db.close(),
          }),
          inject: [Database],
        },
        ...repositories,
      ],
      exports: [Database, ...REPOSITORIES],
    };
  }
}
