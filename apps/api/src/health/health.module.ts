import { Module } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { QUEUES } from '@fenceline/contracts';
import { healthChecksProvider } from '@fenceline/data-access';
import { API_CONFIG } from '../config';
import { HealthController } from './health.controller';

/** `/healthz` and `/readyz` on terminus; needs the global Database and API_CONFIG. */
@Module({
  // Redis is reached through a queue's connection, the one the API depends on.
  imports: [
    TerminusModule.forRoot({ errorLogStyle: 'json' }),
    BullModule.registerQueue({ name: QUEUES.analyze }),
  ],
  controllers: [HealthController],
  providers: [
    healthChecksProvider({
      health: HealthCheckService,
      indicators: HealthIndicatorService,
      queue: getQueueToken(QUEUES.analyze),
      config: API_CONFIG,
    }),
  ],
})
export class HealthModule {}
