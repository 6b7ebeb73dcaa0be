import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { TerminusModule } from '@nestjs/terminus';
import { QUEUES } from '@fenceline/contracts';
import { JobObserver } from '../jobs/job-observer';
import { WorkerMetricsController } from '../metrics/metrics.controller';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { WorkerHealthController } from './health.controller';
import { WorkerHealthIndicators } from './health.indicators';

/**
 * What the worker answers on its port: `/healthz`, `/readyz` (terminus) and `/metrics`
 * (Prometheus), plus the job observer that logs and times every job. Needs the worker's global
 * Database and WORKER_CONFIG.
 */
@Module({
  imports: [
    DiscoveryModule,
    TerminusModule.forRoot({ errorLogStyle: 'json' }),
    // Redis is checked through a queue's connection, the one the processors depend on.
    BullModule.registerQueue({ name: QUEUES.analyze }),
  ],
  controllers: [WorkerHealthController, WorkerMetricsController],
  providers: [
    { provide: WorkerMetrics, useFactory: () => new WorkerMetrics() },
    JobObserver,
    WorkerHealthIndicators,
  ],
  exports: [WorkerMetrics, JobObserver],
})
export class WorkerHttpModule {}
