import {
  isolatingPolicies,
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
  private readonly views = new Map<string, Inventory>();

  constructor(
    readonly inventory: Inventory,
    readonly model: ReachabilityModel,
    readonly inScope: ReadonlySet<string>,
    readonly options: EvaluationOptions,
  ) {
    this.index = new PeerIndex(inventory);
  }

  /** In-scope pods: the only pods guardrails are about. */
  scopedPods(): Pod[] {
    return this.inventory.pods.filter((p) => this.inScope.has(p.namespace));
  }

  /**
   * Whether some policy isolates the pod in `direction`, decided by the reference evaluator's
   * `isolatingPolicies` over the policies of the pod's namespace only (the others never select it).
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
    return isolatingPolicies(view, pod, direction, this.options).length > 0;
  }
}
