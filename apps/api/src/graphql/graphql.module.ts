import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { GovernanceModule } from '../baselines/governance.module';
import { ClustersModule } from '../clusters/clusters.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { ComplianceResolver } from './compliance.resolver';
import { ClustersResolver } from './clusters.resolver';
import { GovernanceResolver } from './governance.resolver';

/** GraphQL (code-first) at /graphql: the same operations as REST, through the same services. */
@Module({
  imports: [ClustersModule, GovernanceModule, ComplianceModule],
  providers: [ClustersResolver, GovernanceResolver, ComplianceResolver, ApiKeyGuard],
})
export class GraphqlModule {}
