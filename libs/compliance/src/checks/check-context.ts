import {
  buildModel,
  defaultDenyOf,
  isolatingPolicies,
  type DefaultDenySource,
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
 * rows, pods grouped by workload, default deny through the tiers (netpol's `defaultDenyOf`, the
 * same rule as the model's `coverage()`), and the NetworkPolicy tier alone (`isolatingPolicies`)
 * for checks that walk NetworkPolicy rules.
 */
export class CheckContext {
  private modelCache: ReachabilityModel | undefined;
  private rowsCache: ConnlistRow[] | undefined;
  private workloadCache: Map<string, Pod[]> | undefined;
  private readonly views = new Map<string, Inventory>();
  private readonly denyCache = new Map<string, DefaultDenySource | undefined>();
  private readonly memos = new Map<string, unknown>();

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
   * What makes the pod's `direction` default deny — NetworkPolicy isolation, or a catch-all
   * cluster-policy Deny (an Admin-tier one with its exceptions before it, or a Baseline-tier
   * one where no NetworkPolicy isolates) — or `undefined` when traffic no rule names is allowed.
   * See https://network-policy-api.sigs.k8s.io/reference/spec/
   */
  defaultDeny(pod: Pod, direction: Direction): DefaultDenySource | undefined {
    const key = `${direction}|${pod.id}`;
    if (this.denyCache.has(key)) return this.denyCache.get(key);
    const source = defaultDenyOf(
      this.namespaceView(pod.namespace),
      pod,
      direction,
      this.compiled.options,
    );
    this.denyCache.set(key, source);
    return source;
  }

  /** Whether {@link defaultDeny} finds something: the coverage notion of ZT-1/ZT-2. */
  isDefaultDeny(pod: Pod, direction: Direction): boolean {
    return this.defaultDeny(pod, direction) !== undefined;
  }

  /**
   * The NetworkPolicies isolating the pod in `direction` (reference semantics, `hostNetwork`
   * option included): the NetworkPolicy tier alone, for checks about NetworkPolicy rules.
   */
  isolatingPolicies(pod: Pod, direction: Direction): NetworkPolicy[] {
    return isolatingPolicies(
      this.namespaceView(pod.namespace),
      pod,
      direction,
      this.compiled.options,
    );
  }

  /**
   * The inventory with only one namespace's NetworkPolicies (a policy selects only pods of its
   * own namespace), so that per-pod questions do not scan every policy of the cluster.
   */
  namespaceView(namespace: string): Inventory {
    let view = this.views.get(namespace);
    if (!view) {
      view = {
        ...this.inventory,
        policies: this.inventory.policies.filter((p) => p.namespace === namespace),
      };
      this.views.set(namespace, view);
    }
    return view;
  }

  /** A value computed once per evaluation and shared by the checks that need it. */
  memo<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, make());
    return this.memos.get(key) as T;
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
