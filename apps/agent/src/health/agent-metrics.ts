import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** The agent's Prometheus metrics, on its own registry (served at /metrics). */
export class AgentMetrics {
  readonly registry = new Registry();
  readonly pushes = new Counter({
    name: 'fenceline_agent_pushes_total',
    help: 'Snapshots the API accepted, by result (accepted: new content; duplicate: already stored)',
    labelNames: ['result'],
    registers: [this.registry],
  });
  readonly pushFailures = new Counter({
    name: 'fenceline_agent_push_failures_total',
    help: 'Failed push attempts, by reason (network, timeout, server, rate_limited, unauthorized, too_large, rejected)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly snapshotBytes = new Gauge({
    name: 'fenceline_agent_snapshot_bytes',
    help: 'Size of the latest snapshot built, raw JSON and gzip',
    labelNames: ['encoding'],
    registers: [this.registry],
  });
  readonly lastSuccess = new Gauge({
    name: 'fenceline_agent_last_success_timestamp_seconds',
    help: 'Unix time of the last push the API accepted',
    registers: [this.registry],
  });
  readonly pending = new Gauge({
    name: 'fenceline_agent_pending_snapshot',
    help: '1 while a built snapshot waits to be pushed',
    registers: [this.registry],
  });
  readonly objects = new Gauge({
    name: 'fenceline_agent_objects',
    help: 'Objects held per resource',
    labelNames: ['resource'],
    registers: [this.registry],
  });
  readonly watchRestarts = new Counter({
    name: 'fenceline_agent_watch_restarts_total',
    help: 'Watches restarted, by resource and reason (closed, expired, error)',
    labelNames: ['resource', 'reason'],
    registers: [this.registry],
  });
  readonly relists = new Counter({
    name: 'fenceline_agent_relists_total',
    help: 'Full lists of a resource, by reason (initial, expired, resync)',
    labelNames: ['resource', 'reason'],
    registers: [this.registry],
  });
  readonly builds = new Counter({
    name: 'fenceline_agent_snapshot_builds_total',
    help: 'Snapshots built, by trigger (change: a debounced burst of changes; resync: initial or periodic full push) and result (delivered, or unchanged: same content, not pushed)',
    labelNames: ['trigger', 'result'],
    registers: [this.registry],
  });
  readonly changesPending = new Gauge({
    name: 'fenceline_agent_changes_pending',
    help: '1 from a change until the debounced snapshot of it is built',
    registers: [this.registry],
  });
  readonly watchEvents = new Counter({
    name: 'fenceline_agent_watch_events_total',
    help: 'Watch events received, by resource and type (ADDED, MODIFIED, DELETED, BOOKMARK)',
    labelNames: ['resource', 'type'],
    registers: [this.registry],
  });
  readonly unauthorized = new Gauge({
    name: 'fenceline_agent_unauthorized',
    help: '1 while the API rejects the agent token (pushes stopped)',
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'fenceline_agent_' });
  }
}
