import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JobObserver } from '../jobs/job-observer';
import { mergeExpositions } from './queue-exposition';
import { WorkerMetrics } from './worker-metrics';

/**
 * BullMQ's totals come from its own per-queue metrics, which only workers created with the
 * `metrics` option record; ours are not, so those families would always read 0. Finished
 * attempts are counted by `fenceline_worker_job_duration_seconds_count` instead.
 */
const DROPPED = new Set(['bullmq_job_completed_total', 'bullmq_job_failed_total']);

/**
 * Prometheus scrape endpoint of the worker: per queue the jobs by state (`bullmq_job_count`,
 * BullMQ's exporter, read from Redis at scrape time: waiting, delayed, active, failed,
 * completed, …), this process' job durations by queue and outcome, and process metrics.
 */
@Controller()
export class WorkerMetricsController {
  constructor(
    @Inject(WorkerMetrics) private readonly metrics: WorkerMetrics,
    @Inject(JobObserver) private readonly jobs: JobObserver,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    const queues = (this.jobs.workers ?? []).map((w) =>
      this.moduleRef.get<Queue>(getQueueToken(w.name), { strict: false }),
    );
    const blocks = await Promise.all(queues.map((q) => q.exportPrometheusMetrics()));
    return mergeExpositions(blocks, DROPPED) + (await this.metrics.registry.metrics());
  }
}
