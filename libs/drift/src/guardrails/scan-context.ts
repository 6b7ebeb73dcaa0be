import {
  defaultDenyOf,
  type Direction,
  type EvaluationOptions,
  type Inventory,
  type Pod,
  type ReachabilityModel,
} from '@fenceline/netpol';
import { PeerIndex } from '../connectivity/peer-index';

/**
 * What guardrail checks query: the cluster's inventory, its fast model (pair queries and the
 * workload connectivity list), the in-scope namespaces and the evaluation options.
 */
export class ScanContext {
  readonly index: PeerIndex;
  /**
   * Whether pods that differ only by address are treated differently: when ipBlocks match pods,
   * and whenever a cluster policy has a `networks` peer (those always match pod addresses).
   */
  readonly addressMatters: boolean;
  private readonly views = new Map<string, Inventory>();

  constructor(
    readonly inventory: Inventory,
    readonly model: ReachabilityModel,
    readonly inScope: ReadonlySet<string>,
    readonly options: EvaluationOptions,
  ) {
    this.index = new PeerIndex(inventory);
    this.addressMatters =
      options.ipBlockMatchesPods ||
      inventory.clusterPolicies.some((p) =>
        [...p.ingress, ...p.egress].some((r) => r.peers.some((peer) => peer.kind === 'networks')),
      );
  }

  /** In-scope pods: the only pods guardrails are about. */
  scopedPods(): Pod[] {
    return this.inventory.pods.filter((p) => this.inScope.has(p.namespace));
  }

  /**
   * Whether the pod's `direction` is default deny through the tiers, by the reference evaluator's
   * `defaultDenyOf`: an Admin-tier catch-all Deny (its earlier rules being exceptions), else an
   * isolating NetworkPolicy, else a Baseline-tier catch-all Deny. Only the NetworkPolicies of the
   * pod's namespace are consulted (the others never select it).
   */
  isolated(pod: Pod, direction: Direction): boolean {
    let view = this.views.get(pod.namespace);
    if (!view) {
      view = {
        ...this.inventory,
        policies: this.inventory.policies.filter((p) => p.namespace === pod.namespace),
      };
      this.views.set(pod.namespace, view);
    }
    return defaultDenyOf(view, pod, direction, this.options) !== undefined;
  }
}
