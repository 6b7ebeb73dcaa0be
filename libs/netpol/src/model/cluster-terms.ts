import type { IpRange } from '../cidr/ip-set';
import {
  compareClusterPolicies,
  type ClusterAction,
  type ClusterPeer,
  type ClusterPodSelection,
  type ClusterPolicy,
  type ClusterRule,
} from '../cluster/cluster-policy';
import type { Direction } from '../policy/network-policy';
import { newBits, setBit, type Bits } from './bitset';
import { ClassSet } from './class-set';
import type { PodClass, PodClasses } from './pod-classes';
import type { PolicyCompiler, Term } from './policy-terms';
import type { SelectorIndex } from './selector-index';

/** A compiled cluster-policy rule: a term (peers, external atoms, ports) and its action. */
export interface ClusterTerm extends Term {
  readonly action: ClusterAction;
  /** Index of the policy in `inventory.clusterPolicies`. */
  readonly clusterPolicy: number;
}

/** Per class and direction, the ordered terms of the Admin and the Baseline tier. */
export interface TierChains {
  readonly admin: readonly (readonly ClusterTerm[] | undefined)[];
  readonly baseline: readonly (readonly ClusterTerm[] | undefined)[];
}

/**
 * Compiles every cluster policy once and lays its terms, in evaluation order (policies sorted
 * by {@link compareClusterPolicies}, rules in list order), on each class its subject selects.
 */
export function compileClusterPolicies(
  policies: readonly ClusterPolicy[],
  selectors: SelectorIndex,
  pc: PodClasses,
  compiler: PolicyCompiler,
  ipAtoms: readonly IpRange[],
): Record<Direction, TierChains> {
  const size = pc.classes.length;
  const chains = (): TierChains => ({
    admin: new Array(size).fill(undefined),
    baseline: new Array(size).fill(undefined),
  });
  const out: Record<Direction, TierChains> = { ingress: chains(), egress: chains() };
  if (policies.length === 0) return out;
  const cc = new ClusterCompiler(selectors, pc, compiler, ipAtoms);
  const order = policies.map((p, i) => ({ p, i })).sort((a, b) => compareClusterPolicies(a.p, b.p));
  for (const { p, i } of order) {
    const subject = cc.selection(p.subject);
    if (subject.size === 0) continue;
    for (const direction of ['ingress', 'egress'] as const) {
      if (p[direction].length === 0) continue;
      const terms = p[direction].map((rule) => cc.rule(rule, i, direction));
      const lists = (p.tier === 'Admin' ? out[direction].admin : out[direction].baseline) as (
        ClusterTerm[] | undefined
      )[];
      subject.forEach((id) => {
        const list = (lists[id] ??= []);
        for (const t of terms) list.push(t);
      });
    }
  }
  return out;
}

class ClusterCompiler {
  private readonly hostClasses: ReadonlySet<number>;

  constructor(
    private readonly selectors: SelectorIndex,
    private readonly pc: PodClasses,
    private readonly compiler: PolicyCompiler,
    private readonly ipAtoms: readonly IpRange[],
  ) {
    this.hostClasses = new Set(pc.classes.filter((c) => c.hostNetwork).map((c) => c.id));
  }

  /** Classes a subject or `namespaces`/`pods` peer selects: never host-network pods. */
  selection(sel: ClusterPodSelection): ClassSet {
    const set = this.selectors.peerClasses('', {
      kind: 'selector',
      index: 0,
      namespaceSelector: sel.namespaceSelector,
      podSelector: sel.podSelector,
    });
    if (this.hostClasses.size === 0 || set.size === 0) return set;
    const ids: number[] = [];
    set.forEach((id) => {
      if (!this.hostClasses.has(id)) ids.push(id);
    });
    return ClassSet.fromSorted(ids, this.selectors.universe);
  }

  rule(rule: ClusterRule, policy: number, direction: Direction): ClusterTerm {
    const { numeric, named } = this.compiler.portsOf(rule.portsKey, rule.ports);
    const sets: ClassSet[] = [];
    const ext = newBits(this.ipAtoms.length);
    for (const peer of rule.peers) {
      if (peer.kind === 'pods') sets.push(this.selection(peer));
      else if (peer.kind === 'networks' && direction === 'egress')
        sets.push(this.networks(peer, ext));
    }
    return {
      policy: -1,
      clusterPolicy: policy,
      rule: rule.index,
      action: rule.action,
      peers: ClassSet.union(sets, this.selectors.universe),
      ext,
      allPorts: rule.ports.length === 0,
      numeric,
      named,
    };
  }

  /** Marks the external atoms inside the CIDRs in `ext`; returns the classes whose address is. */
  private networks(peer: Extract<ClusterPeer, { kind: 'networks' }>, ext: Bits): ClassSet {
    const inside = new Set<number>();
    this.ipAtoms.forEach((atom, i) => {
      // Atoms are cut at every CIDR boundary: each lies wholly inside or outside the peer.
      if (peer.addresses.contains(atom.family, atom.first)) {
        setBit(ext, i);
        inside.add(i);
      }
    });
    const ids = this.pc.classes
      .filter((c: PodClass) =>
        c.ipAtom >= 0 ? inside.has(c.ipAtom) : c.ipAtom === -1 && peer.coversUnknownAddress,
      )
      .map((c) => c.id);
    return ClassSet.fromSorted(ids, this.selectors.universe);
  }
}
