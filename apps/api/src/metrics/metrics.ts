import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The API's Prometheus metrics, one registry per app instance (tests build several). */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Histogram({
    name: 'fenceline_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });
  readonly snapshotsIngested = new Counter({
    name: 'fenceline_snapshots_ingested_total',
    help: 'Snapshots pushed by agents, by outcome (accepted, duplicate)',
    labelNames: ['status'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
