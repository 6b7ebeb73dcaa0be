import {
  ConnectionSet,
  DEFAULT_OPTIONS,
  isolatingPolicies,
  matchesLabels,
  peerMatches,
  portConnections,
  type Direction,
  type Endpoint,
  type Inventory,
  type LabelSelector,
  type NetworkPolicy,
  type Pod,
  type SelectorPeer,
} from '@fenceline/netpol';
import type { PodClass } from './pod-classes';

interface Isolation {
  readonly ingress: readonly NetworkPolicy[];
  readonly egress: readonly NetworkPolicy[];
}

/**
 * Reachability between class representatives with the engine's own rule matching
 * (`peerMatches`, `portConnections`, `isolatingPolicies`), plus an index from each class to the
 * classes its rules could possibly admit, so only plausible pairs are decided. Default
 * evaluation options only: ipBlocks never select pods.
 */
export class ClassReachability {
  private readonly isolation = new Map<Pod, Isolation>();
  private readonly byNamespace = new Map<string, PodClass[]>();
  private readonly namespacesByLabel = new Map<string, string[]>();
  private readonly peerCache = new Map<string, readonly PodClass[]>();
  /** Destinations whose ingress admits any source: not isolated, or a rule without `from`. */
  private readonly admitAll: PodClass[] = [];
  /** For each source class, the isolated destinations some ingress rule names it in. */
  private readonly admittedBy = new Map<PodClass, PodClass[]>();

  constructor(
    private readonly inventory: Inventory,
    private readonly classes: readonly PodClass[],
  ) {
    const policiesOf = new Map<string, NetworkPolicy[]>();
    for (const p of inventory.policies) append(policiesOf, p.namespace, p);
    for (const ns of inventory.namespaces.values()) {
      for (const [key, value] of Object.entries(ns.labels))
        append(this.namespacesByLabel, `${key}=${value}`, ns.name);
    }
    for (const c of classes) {
      append(this.byNamespace, c.namespace, c);
      const local = { ...inventory, policies: policiesOf.get(c.namespace) ?? [] };
      const pod = c.representative;
      this.isolation.set(pod, {
        ingress: isolatingPolicies(local, pod, 'ingress', DEFAULT_OPTIONS),
        egress: isolatingPolicies(local, pod, 'egress', DEFAULT_OPTIONS),
      });
    }
    for (const dst of classes) this.indexIngress(dst);
  }

  /** Classes `a` may reach, possibly with repeats; a superset that `connections` decides. */
  candidateDestinations(a: PodClass): readonly PodClass[] {
    const egress = this.isolationOf(a.representative).egress;
    if (egress.length === 0) return [...this.admitAll, ...(this.admittedBy.get(a) ?? [])];
    const out: PodClass[] = [];
    for (const policy of egress) {
      for (const rule of policy.egress) {
        if (rule.peers === undefined) return this.classes;
        for (const peer of rule.peers)
          if (peer.kind === 'selector') out.push(...this.peerClasses(policy, peer));
      }
    }
    return out;
  }

  /** Every connection `src` may open to `dst` (egress at src AND ingress at dst). */
  connections(src: Endpoint, dst: Endpoint): ConnectionSet {
    const egress = this.side('egress', src, src, dst);
    if (egress.isEmpty) return egress;
    return egress.intersect(this.side('ingress', dst, src, dst));
  }

  private side(
    direction: Direction,
    subject: Endpoint,
    src: Endpoint,
    dst: Endpoint,
  ): ConnectionSet {
    if (subject.kind !== 'pod') return ConnectionSet.ALL;
    const policies = this.isolationOf(subject.pod)[direction];
    if (policies.length === 0) return ConnectionSet.ALL;
    const peer = direction === 'egress' ? dst : src;
    let result = ConnectionSet.NONE;
    for (const policy of policies) {
      for (const rule of policy[direction]) {
        const admits =
          rule.peers === undefined ||
          rule.peers.some((p) => peerMatches(this.inventory, policy, p, peer, DEFAULT_OPTIONS));
        if (!admits) continue;
        if (rule.ports.length === 0) return ConnectionSet.ALL;
        for (const port of rule.ports) result = result.union(portConnections(port, dst));
      }
    }
    return result;
  }

  private indexIngress(dst: PodClass): void {
    const ingress = this.isolationOf(dst.representative).ingress;
    const rules = ingress.flatMap((policy) => policy.ingress.map((rule) => ({ policy, rule })));
    if (ingress.length === 0 || rules.some(({ rule }) => rule.peers === undefined)) {
      this.admitAll.push(dst);
      return;
    }
    for (const { policy, rule } of rules) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind !== 'selector') continue;
        for (const src of this.peerClasses(policy, peer)) append(this.admittedBy, src, dst);
      }
    }
  }

  /** Classes one selector peer of `policy` matches. */
  private peerClasses(policy: NetworkPolicy, peer: SelectorPeer): readonly PodClass[] {
    const nsKey = peer.namespaceSelector
      ? JSON.stringify(peer.namespaceSelector)
      : `own:${policy.namespace}`;
    const key = `${nsKey}|${JSON.stringify(peer.podSelector ?? null)}`;
    const cached = this.peerCache.get(key);
    if (cached) return cached;
    const namespaces = peer.namespaceSelector
      ? this.namespacesMatching(peer.namespaceSelector)
      : [policy.namespace];
    const matched = namespaces.flatMap((ns) =>
      (this.byNamespace.get(ns) ?? []).filter(
        (c) => !peer.podSelector || matchesLabels(peer.podSelector, c.representative.labels),
      ),
    );
    this.peerCache.set(key, matched);
    return matched;
  }

  private namespacesMatching(selector: LabelSelector): string[] {
    const indexed = selector.requirements.find((r) => r.operator === 'In');
    const candidates = indexed
      ? indexed.values.flatMap((v) => this.namespacesByLabel.get(`${indexed.key}=${v}`) ?? [])
      : [...this.inventory.namespaces.keys()];
    return candidates.filter((name) => {
      const ns = this.inventory.namespaces.get(name);
      return ns !== undefined && matchesLabels(selector, ns.labels);
    });
  }

  private isolationOf(pod: Pod): Isolation {
    const found = this.isolation.get(pod);
    if (!found) throw new Error(`not a class representative: ${pod.id}`);
    return found;
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
