import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ClustersController } from './clusters.controller';
import { ClustersResolver } from './clusters.resolver';
import { ClustersService } from './clusters.service';

/** Clusters and agent tokens: REST `/v1/clusters` and GraphQL, through one service. */
@Module({
  controllers: [ClustersController],
  providers: [ClustersService, ClustersResolver, ApiKeyGuard],
  exports: [ClustersService],
})
export class ClustersModule {}
