import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUES } from '@fenceline/contracts';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ApiHealthIndicators } from './health.indicators';

/** `/healthz` and `/readyz` on terminus; needs the global Database and API_CONFIG. */
@Module({
  // Redis is reached through a queue's connection, the one the API depends on.
  imports: [
    TerminusModule.forRoot({ errorLogStyle: 'json' }),
    BullModule.registerQueue({ name: QUEUES.analyze }),
  ],
  controllers: [HealthController],
  providers: [ApiHealthIndicators],
})
export class HealthModule {}
