import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ClustersModule } from '../clusters/clusters.module';
import { ClustersResolver } from './clusters.resolver';

/** GraphQL (code-first) at /graphql: the same operations as REST, through the same services. */
@Module({ imports: [ClustersModule], providers: [ClustersResolver, ApiKeyGuard] })
export class GraphqlModule {}
