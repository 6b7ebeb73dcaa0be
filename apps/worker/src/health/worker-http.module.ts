import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { QUEUES } from '@fenceline/contracts';
import { healthChecksProvider } from '@fenceline/data-access';
import { WORKER_CONFIG } from '../config';
import { JobObserver } from '../jobs/job-observer';
import { WorkerMetricsController } from '../metrics/metrics.controller';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { WorkerHealthController } from './health.controller';
import { processorsCheck } from './processors-check';

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
    healthChecksProvider({
      health: HealthCheckService,
      indicators: HealthIndicatorService,
      queue: getQueueToken(QUEUES.analyze),
      config: WORKER_CONFIG,
      checks: { inject: JobObserver, build: (jobs: JobObserver) => [processorsCheck(jobs)] },
    }),
  ],
  exports: [WorkerMetrics, JobObserver],
})
export class WorkerHttpModule {}
