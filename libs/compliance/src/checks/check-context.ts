import {
  buildModel,
  isolatingPolicies,
  matchesLabels,
  namespaceLabels,
  workloadName,
  type ConnlistRow,
  type Direction,
  type Inventory,
  type NetworkPolicy,
  type Pod,
  type ReachabilityModel,
} from '@fenceline/netpol';
import type { CompiledContext, PodMatcher } from '../context/compile-context';

/**
 * What checks query, computed once per evaluation and shared: the fast model and its workload
 * rows, pods grouped by workload, and isolation decided by the reference evaluator's
 * `isolatingPolicies`.
 */
export class CheckContext {
  private modelCache: ReachabilityModel | undefined;
  private rowsCache: ConnlistRow[] | undefined;
  private workloadCache: Map<string, Pod[]> | undefined;
  private readonly views = new Map<string, Inventory>();

  constructor(readonly compiled: CompiledContext) {}

  get inventory(): Inventory {
    return this.compiled.source.inventory;
  }

  get model(): ReachabilityModel {
    this.modelCache ??= buildModel(this.inventory, this.compiled.options);
    return this.modelCache;
  }

  /** The model's workload connectivity list (`src`, `dst` in connlist notation). */
  get rows(): readonly ConnlistRow[] {
    this.rowsCache ??= this.model.connlist();
    return this.rowsCache;
  }

  /** Pods per workload (`namespace/name[Kind]`), workloads sorted by name. */
  get workloads(): ReadonlyMap<string, readonly Pod[]> {
    if (!this.workloadCache) {
      const map = new Map<string, Pod[]>();
      for (const pod of this.inventory.pods) {
        const name = workloadName(pod.workload);
        const list = map.get(name);
        if (list) list.push(pod);
        else map.set(name, [pod]);
      }
      this.workloadCache = new Map([...map.entries()].sort(([a], [b]) => compare(a, b)));
    }
    return this.workloadCache;
  }

  /** Namespace names of the inventory (defined or only referenced), sorted. */
  get namespaces(): string[] {
    return [...this.inventory.namespaces.keys()].sort(compare);
  }

  /**
   * Whether some policy of the pod's namespace selects it and isolates it in `direction`
   * (reference semantics, `hostNetwork` option included).
   */
  isolated(pod: Pod, direction: Direction): boolean {
    return this.isolatingPolicies(pod, direction).length > 0;
  }

  /** The policies isolating the pod in `direction` (reference semantics). */
  isolatingPolicies(pod: Pod, direction: Direction): NetworkPolicy[] {
    let view = this.views.get(pod.namespace);
    if (!view) {
      view = {
        ...this.inventory,
        policies: this.inventory.policies.filter((p) => p.namespace === pod.namespace),
      };
      this.views.set(pod.namespace, view);
    }
    return isolatingPolicies(view, pod, direction, this.compiled.options);
  }

  /** Whether the pod matches a namespace-and-pod matcher (CDE, declared flows). */
  matches(matcher: PodMatcher, pod: Pod): boolean {
    return (
      (!matcher.namespace ||
        matchesLabels(matcher.namespace, namespaceLabels(this.inventory, pod.namespace))) &&
      (!matcher.pod || matchesLabels(matcher.pod, pod.labels))
    );
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `namespace/name` of a namespaced object. */
export function policyName(p: { namespace: string; name: string }): string {
  return `${p.namespace}/${p.name}`;
}
