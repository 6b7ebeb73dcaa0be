import type { AgentMetrics } from '../health/agent-metrics';
import type { KubeClient } from '../kube/kube-client';
import type { ListGate } from '../kube/list-gate';
import { ObjectStore } from '../kube/object-store';
import { describeError, Reflector } from '../kube/reflector';
import type { ServedResource } from '../kube/resources';
import type { Logger } from '../log/logger';
import { toDaemonSet, type DaemonSetValue } from '../snapshot/object-converters';
import { cniWorkloadOf, detectCni, type CniDetection } from './detect-cni';

export interface CniLookupOptions {
  readonly client: KubeClient;
  readonly log: Logger;
  readonly metrics: AgentMetrics;
  readonly pageSize: number;
  readonly maxBackoffMs: number;
  /** The agent's list gate: this list waits its turn like the reflectors' lists. */
  readonly listGate?: ListGate;
}

const UNKNOWN: CniDetection = { name: 'unknown', enforcesNetworkPolicy: null, evidence: [] };

/**
 * Which CNI runs the cluster, from its DaemonSets (and the Deployments some CNIs run as): listed
 * only, at start and at every resync (the CNI changes rarely). Logs the answer when it changes;
 * a failed lookup says `unknown` rather than keep an answer it can no longer back.
 */
export class CniLookup {
  private readonly workloads = new ObjectStore<DaemonSetValue>();
  private current: CniDetection | undefined;

  constructor(private readonly options: CniLookupOptions) {}

  /** The last answer; undefined before the first lookup. */
  get detected(): CniDetection | undefined {
    return this.current;
  }

  async lookUp(resources: readonly ServedResource[]): Promise<CniDetection> {
    const { log } = this.options;
    try {
      const detected = detectCni(await this.list(resources));
      if (
        detected.name !== this.current?.name ||
        detected.enforcesNetworkPolicy !== this.current.enforcesNetworkPolicy
      ) {
        const enforcement =
          detected.enforcesNetworkPolicy === null
            ? 'cannot tell whether it enforces'
            : detected.enforcesNetworkPolicy
              ? 'enforces'
              : 'does NOT enforce';
        log[detected.enforcesNetworkPolicy === false ? 'warn' : 'info'](
          { cni: detected },
          `CNI: ${detected.name}, ${enforcement} NetworkPolicies`,
        );
      }
      this.current = detected;
    } catch (error) {
      log.warn(
        { err: describeError(error) },
        `CNI detection failed: ${describeError(error)}; the snapshot says the CNI is unknown`,
      );
      this.current = UNKNOWN;
    }
    return this.current;
  }

  private async list(resources: readonly ServedResource[]) {
    const { client, log, metrics, pageSize, maxBackoffMs, listGate } = this.options;
    const workloads = [];
    for (const resource of resources) {
      const lister = new Reflector(client, resource, this.workloads, {
        convert: toDaemonSet,
        pageSize,
        maxBackoffMs,
        log,
        metrics,
        ...(listGate ? { listGate } : {}),
      });
      await lister.listOnce();
      for (const { object } of this.workloads.values([resource.id])) {
        // A CNI DaemonSet scheduled on no node enforces nothing (a leftover, a paused rollout).
        if (
          (object['status'] as { desiredNumberScheduled?: unknown } | undefined)
            ?.desiredNumberScheduled === 0
        )
          continue;
        const workload = cniWorkloadOf(
          object,
          resource.kind === 'Deployment' ? 'Deployment' : 'DaemonSet',
        );
        if (workload) workloads.push(workload);
      }
    }
    return workloads;
  }
}
