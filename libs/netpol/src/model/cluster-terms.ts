import { formatIpRange, IpSet, type IpRange } from '../cidr/ip-set';
import {
  compareClusterPolicies,
  type ClusterAction,
  type ClusterPeer,
  type ClusterPodSelection,
  type ClusterPolicy,
  type ClusterRule,
} from '../cluster/cluster-policy';
import type { Direction } from '../policy/network-policy';
import { canonicalSelectorKey } from '../selector/label-selector';
import { newBits, setBit } from './bitset';
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

/**
 * The ordered cluster-policy terms one class goes through in one direction. Classes selected by
 * the same policies share one chain (and, for ingress chains with named ports, the same ports).
 */
export interface TierChainTerms {
  /** Per policy of the tier, in evaluation order, its terms in rule order. */
  readonly admin: readonly (readonly ClusterTerm[])[];
  readonly baseline: readonly (readonly ClusterTerm[])[];
  /** Whether a term names a port (then results depend on the destination's container ports). */
  readonly named: boolean;
  /** Peers of the Admin tier's Accept terms: the only sources that can pass an isolated class. */
  readonly acceptPeers: readonly ClassSet[];
}

/** Per direction: the chain of each class (-1: no cluster policy selects it) and the chains. */
export interface ClusterChains {
  readonly chainOf: Readonly<Record<Direction, Int32Array>>;
  readonly chains: Readonly<Record<Direction, readonly TierChainTerms[]>>;
  /**
   * Classes no cluster-policy peer can tell apart share a group: `peerGroup` for a class as the
   * source of ingress, `dstGroup` as the destination of egress (also split by the container
   * ports that named-port terms resolve). A representative class stands for each group.
   */
  readonly peerGroup: Int32Array;
  readonly peerGroupRep: readonly number[];
  readonly dstGroup: Int32Array;
  readonly dstGroupRep: readonly number[];
}

/**
 * Compiles every cluster policy once, lays the terms of each class in evaluation order (policies
 * sorted by {@link compareClusterPolicies}, rules in list order) into shared chains, and groups
 * classes by what the terms' peers can tell apart.
 */
export function compileClusterPolicies(
  policies: readonly ClusterPolicy[],
  selectors: SelectorIndex,
  pc: PodClasses,
  compiler: PolicyCompiler,
  ipAtoms: readonly IpRange[],
): ClusterChains {
  const size = pc.classes.length;
  if (policies.length === 0) return NO_CHAINS(size);
  const cc = new ClusterCompiler(selectors, pc, compiler, ipAtoms);
  const order = policies.map((p, i) => ({ p, i })).sort((a, b) => compareClusterPolicies(a.p, b.p));
  const compiled = order.map(({ p, i }) => ({
    policy: p,
    subject: cc.selection(p.subject),
    ingress: p.ingress.map((rule) => cc.rule(rule, i, 'ingress')),
    egress: p.egress.map((rule) => cc.rule(rule, i, 'egress')),
  }));
  const namedPorts = new Set<string>();
  for (const c of compiled)
    for (const t of [...c.ingress, ...c.egress]) for (const n of t.named) namedPorts.add(n);
  const portSig = pc.classes.map((cls) => portSignature(cls, namedPorts));
  const chainOf = { ingress: new Int32Array(size).fill(-1), egress: new Int32Array(size).fill(-1) };
  const chains: Record<Direction, TierChainTerms[]> = { ingress: [], egress: [] };
  for (const direction of ['ingress', 'egress'] as const) {
    const lists: number[][] = Array.from({ length: size }, () => []);
    compiled.forEach((c, k) => {
      if (c.policy[direction].length > 0) c.subject.forEach((id) => lists[id]?.push(k));
    });
    const ids = new Map<string, number>();
    const namedPolicy = compiled.map((c) => c[direction].some((t) => t.named.length > 0));
    for (let id = 0; id < size; id++) {
      const list = lists[id] as number[];
      if (list.length === 0) continue;
      const named = list.some((k) => namedPolicy[k]);
      // Ingress terms resolve named ports on the chain's own class: such chains split by ports.
      const key = `${list.join(',')}${named && direction === 'ingress' ? `#${portSig[id]}` : ''}`;
      let chain = ids.get(key);
      if (chain === undefined) {
        const terms = (tier: 'Admin' | 'Baseline'): (readonly ClusterTerm[])[] =>
          list
            .filter((k) => compiled[k]?.policy.tier === tier)
            .map((k) => compiled[k]?.[direction] ?? []);
        const admin = terms('Admin');
        chain = chains[direction].length;
        ids.set(key, chain);
        const acceptPeers: ClassSet[] = [];
        for (const policyTerms of admin) {
          for (const t of policyTerms) if (t.action === 'Accept') acceptPeers.push(t.peers);
        }
        chains[direction].push({ admin, baseline: terms('Baseline'), named, acceptPeers });
      }
      chainOf[direction][id] = chain;
    }
  }
  // Sources of ingress are told apart only by ingress peers, destinations of egress by egress peers.
  const peer = partition(size, cc.peerSets('ingress'), () => '');
  const dst = partition(size, cc.peerSets('egress'), (id) => portSig[id] ?? '');
  return {
    chainOf,
    chains,
    peerGroup: peer.group,
    peerGroupRep: peer.rep,
    dstGroup: dst.group,
    dstGroupRep: dst.rep,
  };
}

/** No cluster policy: no class has a chain (the model never looks at the groups then). */
function NO_CHAINS(size: number): ClusterChains {
  const none = new Int32Array(size).fill(-1);
  const groups = new Int32Array(size);
  return {
    chainOf: { ingress: none, egress: none },
    chains: { ingress: [], egress: [] },
    peerGroup: groups,
    peerGroupRep: [0],
    dstGroup: groups,
    dstGroupRep: [0],
  };
}

/** The container ports named-port terms resolve, as text: classes alike in them share results. */
function portSignature(cls: PodClass, names: ReadonlySet<string>): string {
  if (names.size === 0) return '';
  return cls.ports
    .filter((p) => names.has(`${p.name}/${p.protocol}`))
    .map((p) => `${p.name}/${p.protocol}/${p.port}`)
    .join(',');
}

/**
 * Groups classes by the sets that hold them (and an initial key), by partition refinement: each
 * set splits every group into its members and the rest. One representative per group.
 */
function partition(
  size: number,
  sets: readonly ClassSet[],
  initial: (id: number) => string,
): { group: Int32Array; rep: number[] } {
  let group = new Int32Array(size);
  const start = new Map<string, number>();
  for (let id = 0; id < size; id++) {
    const key = initial(id);
    let g = start.get(key);
    if (g === undefined) start.set(key, (g = start.size));
    group[id] = g;
  }
  let next = start.size;
  let split = new Int32Array(Math.max(16, next)).fill(-1);
  const touched: number[] = [];
  for (const set of sets) {
    set.forEach((id) => {
      const g = group[id] as number;
      if (g >= split.length) {
        const grown = new Int32Array(Math.max(split.length * 2, g + 1)).fill(-1);
        grown.set(split);
        split = grown;
      }
      let to = split[g] as number;
      if (to < 0) {
        to = next++;
        split[g] = to;
        touched.push(g);
      }
      group[id] = to;
    });
    for (const g of touched) split[g] = -1;
    touched.length = 0;
  }
  // Renumber densely, in class order.
  const dense = new Map<number, number>();
  const rep: number[] = [];
  const out = new Int32Array(size);
  for (let id = 0; id < size; id++) {
    const g = group[id] as number;
    let d = dense.get(g);
    if (d === undefined) {
      d = rep.length;
      dense.set(g, d);
      rep.push(id);
    }
    out[id] = d;
  }
  group = out;
  return { group, rep };
}

class ClusterCompiler {
  private readonly hostClasses: ReadonlySet<number>;
  private readonly selections = new Map<string, ClassSet>();
  /** The distinct class sets the peers of each direction's terms use (subjects excluded). */
  private readonly peersOf: Record<Direction, Set<ClassSet>> = {
    ingress: new Set(),
    egress: new Set(),
  };
  private readonly networkSets = new Map<string, { peers: ClassSet; atoms: readonly number[] }>();

  constructor(
    private readonly selectors: SelectorIndex,
    private readonly pc: PodClasses,
    private readonly compiler: PolicyCompiler,
    private readonly ipAtoms: readonly IpRange[],
  ) {
    this.hostClasses = new Set(pc.classes.filter((c) => c.hostNetwork).map((c) => c.id));
  }

  /** Every distinct peer set the compiled terms use (cached by selector or CIDR text). */
  peerSets(direction: Direction): ClassSet[] {
    return [...this.peersOf[direction]];
  }

  /** Classes a subject or `namespaces`/`pods` peer selects: never host-network pods. */
  selection(sel: ClusterPodSelection): ClassSet {
    const key = `${canonicalSelectorKey(sel.namespaceSelector.requirements)}\u0000${sel.podSelector ? canonicalSelectorKey(sel.podSelector.requirements) : '*'}`;
    let cached = this.selections.get(key);
    if (cached) return cached;
    const set = this.selectors.peerClasses('', {
      kind: 'selector',
      index: 0,
      namespaceSelector: sel.namespaceSelector,
      podSelector: sel.podSelector,
    });
    if (this.hostClasses.size === 0 || set.size === 0) cached = set;
    else {
      const ids: number[] = [];
      set.forEach((id) => {
        if (!this.hostClasses.has(id)) ids.push(id);
      });
      cached = ClassSet.fromSorted(ids, this.selectors.universe);
    }
    this.selections.set(key, cached);
    return cached;
  }

  rule(rule: ClusterRule, policy: number, direction: Direction): ClusterTerm {
    const { numeric, named } = this.compiler.portsOf(rule.portsKey, rule.ports);
    const sets: ClassSet[] = [];
    const ext = newBits(this.ipAtoms.length);
    for (const peer of rule.peers) {
      if (peer.kind === 'pods') {
        const set = this.selection(peer);
        sets.push(set);
        this.peersOf[direction].add(set);
      } else if (
        direction === 'egress' &&
        (peer.kind === 'networks' || (peer.kind === 'nodes' && peer.addresses))
      ) {
        const hit = this.networks(peer);
        for (const atom of hit.atoms) setBit(ext, atom);
        sets.push(hit.peers);
        this.peersOf[direction].add(hit.peers);
      }
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

  /**
   * The external atoms inside the CIDRs (or a resolved `nodes` peer's node IPs, which the
   * vocabulary cuts as single-address blocks), and the classes whose address is.
   */
  private networks(peer: Extract<ClusterPeer, { kind: 'networks' | 'nodes' }>): {
    peers: ClassSet;
    atoms: readonly number[];
  } {
    const addresses = peer.addresses ?? IpSet.EMPTY;
    const covers = peer.kind === 'networks' && peer.coversUnknownAddress;
    const key =
      peer.kind === 'networks'
        ? `${peer.text}${covers ? '+' : ''}`
        : `nodes:${addresses.ranges.map(formatIpRange).join(',')}`;
    let hit = this.networkSets.get(key);
    if (hit) return hit;
    const inside = new Set<number>();
    // Atoms are cut at every CIDR boundary: each lies wholly inside or outside the peer.
    this.ipAtoms.forEach((atom, i) => {
      if (addresses.contains(atom.family, atom.first)) inside.add(i);
    });
    const ids = this.pc.classes
      .filter((c) => (c.ipAtom >= 0 ? inside.has(c.ipAtom) : c.ipAtom === -1 && covers))
      .map((c) => c.id);
    hit = { peers: ClassSet.fromSorted(ids, this.selectors.universe), atoms: [...inside] };
    this.networkSets.set(key, hit);
    return hit;
  }
}
