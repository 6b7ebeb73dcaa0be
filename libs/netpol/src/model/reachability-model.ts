import type { IpRange } from '../cidr/ip-set';
import type { ConnlistRow } from '../connlist/connlist';
import { externalAtoms } from '../connlist/external-atoms';
import { explain, type Explanation } from '../explain/explain';
import type { Inventory, Pod } from '../inventory/inventory';
import { defaultDenyOf } from '../reference/default-deny';
import type { Direction } from '../policy/network-policy';
import type { Protocol } from '../ports/protocol';
import { ConnectionSet } from '../ports/connection-set';
import { DEFAULT_OPTIONS, type Endpoint, type EvaluationOptions } from '../reference/traffic';
import { andInto, hasBit, isEmptyBits, orInto, type Bits } from './bitset';
import { modelConnlist, type ModelRows } from './model-connlist';
import { modelCoverage, type Coverage } from './model-coverage';
import { allFromExternal, allToExternal } from './model-external';
import { buildPodClasses, ipAtomOf, type PodClass, type PodClasses } from './pod-classes';
import { PolicyCompiler, type Term } from './policy-terms';
import { compileClusterPolicies, type ClusterChains, type TierChainTerms } from './cluster-terms';
import { compileNetworkPolicies } from './compile-terms';
import { combineTiers } from './tier-chain';
import { ChainModel } from './model-chain';
import { policyChainOf } from '../chain/chain-of';
import { TierResults } from './tier-results';
import type { ClassSet } from './class-set';
import { PortAtoms } from './port-atoms';
import { SelectorIndex } from './selector-index';
import { vocabularyOf, type Vocabulary } from './vocabulary';

/**
 * The fast reachability model of one inventory: pods grouped into classes, ports and addresses
 * into atoms, each class's isolating rules compiled to class sets and atom bitsets. It answers
 * every query the reference evaluator answers and must agree with it on every input.
 */
export class ReachabilityModel {
  readonly portAtoms: PortAtoms;
  readonly ipAtoms: readonly IpRange[];
  readonly pc: PodClasses;
  /** Per class: the terms of the policies isolating it; `undefined` when not isolated. */
  readonly ingressTerms: readonly (readonly Term[] | undefined)[];
  readonly egressTerms: readonly (readonly Term[] | undefined)[];
  /** Per direction and class: the shared chain of Admin and Baseline terms it goes through. */
  readonly clusterChains: ClusterChains;
  private readonly hasTiers: boolean;
  private readonly tierResults: TierResults;
  private readonly npBuffer: Bits;
  /** Set when a CNI's ordered chain decides (see {@link ChainPairs}). */
  private readonly chain: ChainModel | undefined;
  /** Per class: `name/protocol` → atoms of that named port on the class's pods. */
  private readonly namedCache: (Map<string, Bits> | undefined)[] = [];
  private idsByKey: Map<string, number> | undefined;
  /** pod id → class id, built on the first single query (a connlist does not need it). */
  private classOfPod: Map<string, number> | undefined;
  private rows: ModelRows | undefined;

  constructor(
    readonly inventory: Inventory,
    readonly vocabulary: Vocabulary,
    readonly options: EvaluationOptions,
  ) {
    this.portAtoms = new PortAtoms(vocabulary.portCuts);
    this.ipAtoms = externalAtoms(vocabulary.cidrs);
    this.pc = buildPodClasses(inventory, vocabulary, this.ipAtoms, options);
    const selectors = new SelectorIndex(inventory, this.pc);
    const compiler = new PolicyCompiler(
      selectors,
      this.pc,
      this.portAtoms,
      this.ipAtoms,
      options.ipBlockMatchesPods,
    );
    const terms = compileNetworkPolicies(inventory, selectors, this.pc, compiler, options);
    this.ingressTerms = terms.ingress;
    this.egressTerms = terms.egress;
    this.clusterChains = compileClusterPolicies(
      inventory.clusterPolicies,
      selectors,
      this.pc,
      compiler,
      this.ipAtoms,
    );
    this.hasTiers = inventory.clusterPolicies.length > 0;
    this.tierResults = new TierResults(this.clusterChains, this.portAtoms.all, (into, t, d) =>
      this.orTermPorts(into, t, d),
    );
    this.npBuffer = this.portAtoms.empty();
    const chain = policyChainOf(inventory, options);
    this.chain = chain ? new ChainModel(chain, this.pc, this.ipAtoms, this.portAtoms) : undefined;
  }

  /** Whether a CNI's ordered chain decides this inventory's traffic. */
  get chained(): boolean {
    return this.chain !== undefined;
  }
  /** Pod classes (the synthetic ingress-controller class not counted). */
  get classCount(): number {
    return this.pc.classes.length - 1;
  }

  /** The id of the class with this content key, if this model has it. */
  classIdOfKey(key: string): number | undefined {
    this.idsByKey ??= new Map(this.pc.classes.map((c) => [c.key, c.id]));
    return this.idsByKey.get(key);
  }

  /** Ports of `term` towards destination class `d`, ORed into `out` (named ports resolved on `d`). */
  orTermPorts(out: Bits, term: Term, d: number): void {
    if (term.allPorts) {
      orInto(out, this.portAtoms.all);
      return;
    }
    orInto(out, term.numeric);
    for (const name of term.named) orInto(out, this.namedAtoms(d, name));
  }

  private namedAtoms(d: number, name: string): Bits {
    let byName = this.namedCache[d];
    if (!byName) this.namedCache[d] = byName = new Map();
    let bits = byName.get(name);
    if (!bits) {
      bits = this.portAtoms.empty();
      const cls = this.pc.classes[d] as PodClass;
      for (const cp of cls.ports) {
        if (`${cp.name}/${cp.protocol}` === name)
          this.portAtoms.addRange(bits, cp.protocol, cp.port, cp.port);
      }
      byName.set(name, bits);
    }
    return bits;
  }

  /** Connections from class `s` to class `d` as atoms in `out`; false when none. */
  pairInto(out: Bits, scratch: Bits, s: number, d: number): boolean {
    if (this.chain) return this.chain.pairInto(out, s, d);
    if (this.hasTiers) return this.tieredPairInto(out, scratch, s, d);
    // Hand-written loops: the bitsets are a word or two long and this runs per class pair.
    const words = out.length;
    const ingress = this.ingressTerms[d];
    if (ingress) {
      for (let i = 0; i < words; i++) out[i] = 0;
      for (const t of ingress) if (t.peers.has(s)) this.orTermPorts(out, t, d);
      if (isEmptyBits(out)) return false;
    } else {
      const all = this.portAtoms.all;
      for (let i = 0; i < words; i++) out[i] = all[i] as number;
    }
    const egress = this.egressTerms[s];
    if (!egress) return true;
    for (let i = 0; i < words; i++) scratch[i] = 0;
    for (const t of egress) if (t.peers.has(d)) this.orTermPorts(scratch, t, d);
    return andInto(out, scratch);
  }

  /** {@link pairInto} through the Admin, NetworkPolicy and Baseline tiers. */
  private tieredPairInto(out: Bits, scratch: Bits, s: number, d: number): boolean {
    const { chainOf, peerGroup, dstGroup } = this.clusterChains;
    const ci = chainOf.ingress[d] as number;
    const ingress = this.ingressTerms[d];
    let npIn: Bits | undefined;
    if (ingress) {
      npIn = scratch.fill(0);
      for (const t of ingress) if (t.peers.has(s)) this.orTermPorts(npIn, t, d);
    }
    if (ci >= 0) {
      if (!combineTiers(out, this.tierResults.ingress(ci, peerGroup[s] as number, d), npIn))
        return false;
    } else if (npIn) {
      out.set(npIn);
      if (isEmptyBits(out)) return false;
    } else out.set(this.portAtoms.all);
    const ce = chainOf.egress[s] as number;
    const egress = this.egressTerms[s];
    if (ce < 0 && !egress) return true;
    // NetworkPolicy egress goes into `scratch` when it alone decides, else into its own buffer.
    const np = ce >= 0 ? this.npBuffer : scratch;
    if (egress) {
      np.fill(0);
      for (const t of egress) if (t.peers.has(d)) this.orTermPorts(np, t, d);
    }
    if (ce >= 0)
      combineTiers(
        scratch,
        this.tierResults.egress(ce, dstGroup[d] as number),
        egress ? np : undefined,
      );
    return andInto(out, scratch);
  }

  /**
   * Whether the class's direction is default deny: NetworkPolicy isolation or, with cluster
   * policies, a catch-all Deny (decided on a representative pod: every pod of a class is alike
   * to every selector).
   */
  isDefaultDeny(cls: PodClass, direction: Direction): boolean {
    if (this.chain) return this.chain.isDefaultDeny(cls.id, direction);
    const terms = direction === 'ingress' ? this.ingressTerms : this.egressTerms;
    if (!this.hasTiers) return terms[cls.id] !== undefined;
    return defaultDenyOf(this.inventory, cls.pods[0] as Pod, direction, this.options) !== undefined;
  }

  /** Whether class `s`'s egress goes through cluster-policy rules. */
  egressTiered(s: number): boolean {
    if (this.chain) return true;
    return (this.clusterChains.chainOf.egress[s] as number) >= 0;
  }

  /**
   * The source classes whose traffic into `d` can be allowed, as class sets; `undefined` when
   * every class can (`d` is not isolated by NetworkPolicy). Cluster-policy ingress peers never
   * match an address outside the cluster, so only `Accept` rules of the Admin tier add sources.
   */
  ingressCandidates(d: number): ClassSet[] | undefined {
    if (this.chain) return undefined;
    const terms = this.ingressTerms[d];
    if (!terms) return undefined;
    const sets = terms.map((t) => t.peers);
    const chain = this.clusterChains.chainOf.ingress[d] as number;
    if (chain >= 0)
      sets.push(...(this.clusterChains.chains.ingress[chain] as TierChainTerms).acceptPeers);
    return sets;
  }

  /** Connections from external atom `e` (-1: an address no ipBlock names) to class `d`. */
  fromExternalInto(out: Bits, e: number, d: number): boolean {
    if (this.chain) return this.chain.fromExternalInto(out, e, d);
    const ingress = this.ingressTerms[d];
    if (!ingress) {
      out.set(this.portAtoms.all);
      return true;
    }
    out.fill(0);
    for (const t of ingress)
      if (t.ext === undefined || (e >= 0 && hasBit(t.ext, e))) this.orTermPorts(out, t, d);
    return !isEmptyBits(out);
  }

  /** Connections from class `s` to external atom `e`; named ports never match an address. */
  toExternalInto(out: Bits, s: number, e: number): boolean {
    if (this.chain) return this.chain.toExternalInto(out, s, e);
    const chain = this.clusterChains.chainOf.egress[s] as number;
    if (chain >= 0) {
      const egress = this.egressTerms[s];
      let np: Bits | undefined;
      if (egress) {
        np = this.portAtoms.empty();
        for (const t of egress) {
          if (t.ext !== undefined && (e < 0 || !hasBit(t.ext, e))) continue;
          orInto(np, t.allPorts ? this.portAtoms.all : t.numeric);
        }
      }
      return combineTiers(out, this.tierResults.external(chain, e), np);
    }
    const egress = this.egressTerms[s];
    if (!egress) {
      out.set(this.portAtoms.all);
      return true;
    }
    out.fill(0);
    for (const t of egress) {
      if (t.ext !== undefined && (e < 0 || !hasBit(t.ext, e))) continue;
      if (t.allPorts) orInto(out, this.portAtoms.all);
      else orInto(out, t.numeric);
    }
    return !isEmptyBits(out);
  }

  /** Connections from every external atom into class `d`, atom `e` at `acc[e * W ..]`. */
  allFromExternalInto(acc: Uint32Array, ports: Bits, d: number): void {
    allFromExternal(this, acc, ports, d);
  }

  /** Connections from class `s` to every external atom (named ports never match an address). */
  allToExternalInto(acc: Uint32Array, s: number): void {
    allToExternal(this, acc, s);
  }

  /**
   * Every (protocol, port) `src` may open to `dst` — the same contract as the reference's
   * `allowedConnections`.
   */
  connections(src: Endpoint, dst: Endpoint): ConnectionSet {
    const out = this.portAtoms.empty();
    const scratch = this.portAtoms.empty();
    const s = this.endpointClass(src);
    const d = this.endpointClass(dst);
    let ok: boolean;
    if (s.kind === 'class' && d.kind === 'class') ok = this.pairInto(out, scratch, s.id, d.id);
    else if (s.kind === 'atom' && d.kind === 'class') ok = this.fromExternalInto(out, s.id, d.id);
    else if (s.kind === 'class' && d.kind === 'atom') ok = this.toExternalInto(out, s.id, d.id);
    else return ConnectionSet.ALL;
    return ok ? this.portAtoms.connections(out) : ConnectionSet.NONE;
  }

  private endpointClass(e: Endpoint): { kind: 'class' | 'atom'; id: number } {
    if (e.kind === 'external') return { kind: 'atom', id: ipAtomOf(e.ip, this.ipAtoms) };
    if (e.pod.id === this.pc.classes[this.pc.ingressControllerId]?.pods[0]?.id)
      return { kind: 'class', id: this.pc.ingressControllerId };
    this.classOfPod ??= new Map(
      this.pc.classes.flatMap((c) => c.pods.map((p): [string, number] => [p.id, c.id])),
    );
    const id = this.classOfPod.get(e.pod.id);
    if (id === undefined) throw new Error(`pod ${e.pod.id} is not in this model`);
    return { kind: 'class', id };
  }

  /** All allowed connections per workload, as the reference's `referenceConnlist` lists them. */
  connlist(): ConnlistRow[] {
    return this.modelRows().toConnlist();
  }

  /** The computed rows (cached): workload-level connections plus per-class digests for diffs. */
  modelRows(): ModelRows {
    this.rows ??= modelConnlist(this);
    return this.rows;
  }

  /**
   * Explains one pair (and port): delegates to the reference evaluator, which names every
   * policy and rule; one pair is cheap even in a large cluster.
   */
  explain(src: string, dst: string, query?: { protocol: Protocol; port: number }): Explanation {
    return explain(this.inventory, src, dst, query, this.options);
  }

  /** Pods whose ingress / egress is default deny, in total and per namespace. */
  coverage(): Coverage {
    return modelCoverage(this);
  }
}

/**
 * Builds the fast model of one inventory.
 *
 * @example buildModel(inventory).connlist()
 */
export function buildModel(
  inventory: Inventory,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): ReachabilityModel {
  return new ReachabilityModel(inventory, vocabularyOf([inventory]), options);
}

/**
 * Builds the models of two snapshots over one shared vocabulary, so that their classes and
 * atoms align and {@link diffModels} can compare them row by row.
 */
export function buildModelPair(
  a: Inventory,
  b: Inventory,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): [ReachabilityModel, ReachabilityModel] {
  const vocabulary = vocabularyOf([a, b]);
  return [
    new ReachabilityModel(a, vocabulary, options),
    new ReachabilityModel(b, vocabulary, options),
  ];
}
