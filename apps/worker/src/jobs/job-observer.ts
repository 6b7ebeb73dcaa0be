import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job, Worker } from 'bullmq';
import { WorkerMetrics } from '../metrics/worker-metrics';

/**
 * Watches every BullMQ worker of the app (each `@Processor`): logs each job's start, finish and
 * failure with queue, job id and duration, and times finished attempts into
 * `fenceline_worker_job_duration_seconds`. Processors stay unaware of it.
 */
@Injectable()
export class JobObserver implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');
  private observed: Worker[] | undefined;

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(WorkerMetrics) private readonly metrics: WorkerMetrics,
  ) {}

  /** The workers, once bootstrap has attached to them (undefined before: not ready yet). */
  get workers(): readonly Worker[] | undefined {
    return this.observed;
  }

  // After every module's init: @nestjs/bullmq creates the workers in its onModuleInit.
  onApplicationBootstrap(): void {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
    for (const worker of workers) this.observe(worker);
    this.observed = workers;
  }

  private observe(worker: Worker): void {
    const queue = worker.name;
    worker.on('active', (job) => {
      this.logger.log({ msg: 'job started', queue, jobId: job.id, attempt: job.attemptsMade + 1 });
    });
    worker.on('completed', (job) => {
      const durationMs = this.record(queue, 'completed', job);
      this.logger.log({ msg: 'job completed', queue, jobId: job.id, durationMs });
    });
    worker.on('failed', (job, error) => {
      if (!job) return;
      const durationMs = this.record(queue, 'failed', job);
      // An UnrecoverableError (corrupt stored data) ends the job whatever attempts are left.
      const willRetry =
        error.name !== 'UnrecoverableError' && job.attemptsMade < (job.opts.attempts ?? 1);
      const entry = { queue, jobId: job.id, durationMs, attempt: job.attemptsMade, err: error };
      if (willRetry) this.logger.warn({ msg: 'job failed, will retry', ...entry });
      else this.logger.error({ msg: 'job failed', ...entry });
    });
  }

  private record(queue: string, status: 'completed' | 'failed', job: Job): number {
    const durationMs = Math.max(
      0,
      (job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now()),
    );
    this.metrics.jobDuration.observe({ queue, status }, durationMs / 1000);
    return durationMs;
  }
}
