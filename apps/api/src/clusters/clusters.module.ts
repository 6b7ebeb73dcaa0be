import { Module } from '@nestjs/common';
import { Database, LatestAnalysisReader } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ClusterAnalysisLoader } from './cluster-analysis.loader';
import { ClustersController } from './clusters.controller';
import { ClustersResolver } from './clusters.resolver';
import { ClustersService } from './clusters.service';

/** Clusters and agent tokens: REST `/v1/clusters` and GraphQL, through one service. */
@Module({
  controllers: [ClustersController],
  providers: [
    ClustersService,
    ClustersResolver,
    ApiKeyGuard,
    ClusterAnalysisLoader,
    {
      provide: LatestAnalysisReader,
      useFactory: (db: Database) => new LatestAnalysisReader(db),
      inject: [Database],
    },
  ],
  exports: [ClustersService],
})
export class ClustersModule {}
