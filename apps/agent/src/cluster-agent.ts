import { formatObjectRef, type ValidationIssue } from '@fenceline/netpol';
import { CniLookup } from './cni/cni-lookup';
import type { AgentMetrics } from './health/agent-metrics';
import type { HealthStatus } from './health/health-server';
import { discoverResources } from './kube/discovery';
import { KubeApiError, type KubeClient } from './kube/kube-client';
import { ListGate } from './kube/list-gate';
import { ObjectStore } from './kube/object-store';
import { describeError, Reflector } from './kube/reflector';
import { RESOURCES, type ResourceDef, type ServedResource } from './kube/resources';
import type { Logger } from './log/logger';
import { MemoryGuard } from './memory';
import { shortHash, type PreparedSnapshot } from './snapshot/prepared-snapshot';
import type { ObjectContribution } from './snapshot/object-contribution';
import { toContribution } from './snapshot/object-converters';
import { assembleSnapshot } from './snapshot/snapshot-assembler';
import { AGENT_VERSION } from './version';
import { debounceDelay } from './debounce';

export interface ClusterAgentOptions {
  readonly client: KubeClient;
  readonly log: Logger;
  readonly metrics: AgentMetrics;
  readonly clusterName?: string;
  readonly debounceMs: number;
  readonly resyncMs: number;
  readonly pageSize: number;
  readonly maxBackoffMs: number;
  /** Where built snapshots go: the pusher, or stdout for --dry-run. `forced` marks periodic full pushes. */
  readonly deliver: (prepared: PreparedSnapshot, forced: boolean) => void;
  readonly resources?: readonly ResourceDef[];
  readonly now?: () => Date;
  /** How long to wait for optional resources (CRDs) to list before the first push. */
  readonly optionalSyncTimeoutMs?: number;
}

/**
 * The live-cluster agent: one reflector per served resource keeps the store current; changes
 * are debounced (a rollout touching 200 pods becomes one push), and a full snapshot is pushed
 * every resync interval even without changes. Discovery runs again at every resync, so a CRD
 * installed later (Calico, an AdminNetworkPolicy) is picked up.
 */
export class ClusterAgent {
  private readonly store = new ObjectStore<ObjectContribution>();
  private readonly reflectors = new Map<string, Reflector<ObjectContribution>>();
  private readonly listGate = new ListGate();
  private cniResources: ServedResource[] = [];
  private started = false;
  private stopped = false;
  private synced = false;
  private debounceTimer: NodeJS.Timeout | undefined;
  private resyncTimer: NodeJS.Timeout | undefined;
  private firstChangeAt: number | undefined;
  private lastHash: string | undefined;
  private lastIssueKey = '';
  private lastIssueCount = 0;
  private unsubscribe: (() => void) | undefined;
  private readonly memory = new MemoryGuard();
  private publishing: Promise<void> = Promise.resolve();
  private readonly cni: CniLookup;

  constructor(private readonly options: ClusterAgentOptions) {
    this.cni = new CniLookup({ ...options, listGate: this.listGate });
  }

  /** `--once`: list everything a single time and build the snapshot. */
  async collectOnce(): Promise<{ prepared: PreparedSnapshot; issueCount: number }> {
    const served = await discoverResources(
      this.options.client,
      this.options.resources ?? RESOURCES,
      this.options.log,
    );
    for (const resource of served) {
      if (resource.role === 'cni') this.cniResources.push(resource);
      else await this.listOptionally(resource);
    }
    await this.cni.lookUp(this.cniResources);
    const prepared = await this.build();
    return { prepared, issueCount: this.lastIssueCount };
  }

  /** Lists everything, pushes the first snapshot, then follows changes until `stop()`. */
  async start(): Promise<void> {
    await this.reconcile();
    const required = [...this.reflectors.values()].filter((r) => r.resource.required);
    const optional = [...this.reflectors.values()].filter((r) => !r.resource.required);
    await Promise.all(required.map((r) => r.synced));
    await Promise.race([
      Promise.all(optional.map((r) => r.synced)),
      delay(this.options.optionalSyncTimeoutMs ?? 30_000),
    ]);
    if (this.stopped) return;
    await this.cni.lookUp(this.cniResources);
    this.synced = true;
    this.started = true;
    this.unsubscribe = this.store.onChange(() => this.changed());
    await this.publish(true);
    this.scheduleResync();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.debounceTimer);
    clearTimeout(this.resyncTimer);
    this.unsubscribe?.();
    await Promise.all([...this.reflectors.values()].map((r) => r.stop()));
  }

  health(): HealthStatus {
    return {
      live: true,
      ready: this.synced,
      details: {
        synced: this.synced,
        resources: [...this.reflectors.keys()].sort(),
        cni: this.cni.detected?.name ?? null,
      },
    };
  }

  /** Lists once; an optional resource RBAC forbids (403) is left out with a warning. */
  private async listOptionally(resource: ServedResource): Promise<void> {
    try {
      await this.reflectorFor(resource).listOnce();
    } catch (error) {
      if (resource.required || !(error instanceof KubeApiError && error.statusCode === 403))
        throw error;
      this.options.log.warn(
        { resource: resource.id, err: describeError(error) },
        `${resource.id}: forbidden (403); the snapshot goes out without it`,
      );
    }
  }

  /** Starts reflectors for newly served resources and forgets those no longer served. */
  private async reconcile(): Promise<void> {
    const served = await discoverResources(
      this.options.client,
      this.options.resources ?? RESOURCES,
      this.options.log,
    );
    this.cniResources = served.filter((r) => r.role === 'cni');
    const wanted = new Map(served.filter((r) => r.role !== 'cni').map((r) => [r.id, r]));
    for (const [id, reflector] of this.reflectors) {
      if (wanted.get(id)?.apiVersion === reflector.resource.apiVersion) continue;
      await reflector.stop();
      this.reflectors.delete(id);
      this.store.drop(id);
      this.options.log.info({ resource: id }, `${id} is no longer served; stopped watching it`);
    }
    for (const resource of wanted.values()) {
      if (this.reflectors.has(resource.id)) continue;
      if (this.started)
        this.options.log.info(
          { resource: resource.id },
          `${resource.id} (${resource.apiVersion}) appeared; watching it`,
        );
      this.reflectorFor(resource).start();
    }
  }

  private reflectorFor(resource: ServedResource): Reflector<ObjectContribution> {
    const reflector = new Reflector(this.options.client, resource, this.store, {
      convert: toContribution,
      afterPage: () => this.memory.relieve(),
      afterEvent: () => this.memory.relieve(),
      listGate: this.listGate,
      pageSize: this.options.pageSize,
      maxBackoffMs: this.options.maxBackoffMs,
      log: this.options.log,
      metrics: this.options.metrics,
    });
    this.reflectors.set(resource.id, reflector);
    return reflector;
  }

  private changed(): void {
    if (this.stopped) return;
    const now = Date.now();
    this.firstChangeAt ??= now;
    this.options.metrics.changesPending.set(1);
    clearTimeout(this.debounceTimer);
    const wait = debounceDelay(this.firstChangeAt, now, this.options.debounceMs);
    const timer = setTimeout(() => {
      this.firstChangeAt = undefined;
      // Still pending if a newer change armed another timer meanwhile.
      void this.publish(false).finally(() => {
        if (this.debounceTimer === timer) this.options.metrics.changesPending.set(0);
      });
    }, wait);
    this.debounceTimer = timer;
  }

  private scheduleResync(): void {
    this.resyncTimer = setTimeout(() => {
      void this.resync().finally(() => {
        if (!this.stopped) this.scheduleResync();
      });
    }, this.options.resyncMs);
  }

  private async resync(): Promise<void> {
    try {
      await this.reconcile();
    } catch (error) {
      this.options.log.warn(
        { err: describeError(error) },
        `discovery failed at resync: ${describeError(error)}; keeping the current resources`,
      );
    }
    await this.cni.lookUp(this.cniResources);
    if (!this.stopped) await this.publish(true);
  }

  /** Builds and delivers the snapshot; one build at a time, in the order they were asked for. */
  private publish(forced: boolean): Promise<void> {
    this.publishing = this.publishing
      .then(async () => {
        if (this.stopped) return;
        const prepared = await this.build();
        const unchanged = !forced && prepared.contentHash === this.lastHash;
        const result = unchanged ? 'unchanged' : 'delivered';
        this.options.metrics.builds.inc({ trigger: forced ? 'resync' : 'change', result });
        if (unchanged) {
          this.options.log.debug(
            { contentHash: shortHash(prepared.contentHash) },
            'changes did not alter the snapshot; nothing to push',
          );
          return;
        }
        this.lastHash = prepared.contentHash;
        this.options.deliver(prepared, forced);
      })
      .catch((error: unknown) =>
        this.options.log.error(
          { err: describeError(error) },
          `building the snapshot failed: ${describeError(error)}`,
        ),
      );
    return this.publishing;
  }

  private async build(): Promise<PreparedSnapshot> {
    const ids = [...this.reflectors.keys()];
    const { prepared, issues } = await assembleSnapshot(this.store.values(ids), {
      collectedAt: (this.options.now ?? (() => new Date()))(),
      source: {
        type: 'cluster',
        agentVersion: AGENT_VERSION,
        ...(this.cni.detected
          ? {
              cni: {
                name: this.cni.detected.name.slice(0, 64),
                enforcesNetworkPolicy: this.cni.detected.enforcesNetworkPolicy,
              },
            }
          : {}),
      },
      ...(this.options.clusterName !== undefined ? { clusterName: this.options.clusterName } : {}),
    });
    this.logIssues(issues);
    this.memory.relieve();
    this.options.metrics.snapshotBytes.set({ encoding: 'raw' }, prepared.rawBytes);
    this.options.metrics.snapshotBytes.set({ encoding: 'gzip' }, prepared.gzipBytes);
    return prepared;
  }

  /** Objects the engine finds invalid are left out of the snapshot; say so once per distinct set. */
  private logIssues(issues: readonly ValidationIssue[]): void {
    this.lastIssueCount = issues.length;
    const lines = issues.map(
      (i) => `${formatObjectRef(i.object)}: ${i.path}: ${i.message} [${i.code}]`,
    );
    const key = lines.join('\n');
    if (key === this.lastIssueKey) return;
    this.lastIssueKey = key;
    if (lines.length > 0)
      this.options.log.warn(
        { issues: lines.slice(0, 50), total: lines.length },
        `${lines.length} object issue(s); invalid policies, services and ingresses are left out of the snapshot`,
      );
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
