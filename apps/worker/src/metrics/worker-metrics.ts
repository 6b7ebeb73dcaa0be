import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The worker's own Prometheus metrics, one registry per app instance (tests build several). */
export class WorkerMetrics {
  readonly registry = new Registry();
  /** Processing time of each finished attempt, from BullMQ's `processedOn` to `finishedOn`. */
  readonly jobDuration = new Histogram({
    name: 'fenceline_worker_job_duration_seconds',
    help: 'Job attempts processed by this worker, by queue and outcome (completed, failed)',
    labelNames: ['queue', 'status'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
