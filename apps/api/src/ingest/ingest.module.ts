import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import { AgentGuard } from './agent.guard';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.analyze }, { name: QUEUES.drift })],
  controllers: [IngestController],
  providers: [IngestService, AgentGuard],
})
export class IngestModule {}
