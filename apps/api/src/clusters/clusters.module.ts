import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ClustersController } from './clusters.controller';
import { ClustersService } from './clusters.service';

@Module({
  controllers: [ClustersController],
  providers: [ClustersService, ApiKeyGuard],
  exports: [ClustersService],
})
export class ClustersModule {}
