import { Module } from '@nestjs/common';
import { GovernanceModule } from '../baselines/governance.module';
import { ClustersModule } from '../clusters/clusters.module';
import { ComplianceModule } from '../compliance/compliance.module';

/**
 * GraphQL (code-first) at /graphql: every feature module provides its resolver beside its
 * controller, both calling the same service; this module gathers them.
 */
@Module({ imports: [ClustersModule, GovernanceModule, ComplianceModule] })
export class GraphqlModule {}
