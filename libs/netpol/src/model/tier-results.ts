import { hasBit, orInto, type Bits } from './bitset';
import type { ClusterChains, TierChainTerms } from './cluster-terms';
import type { Term } from './policy-terms';
import { TierEvaluator } from './tier-chain';

/**
 * The packed cluster-tier results of the model, computed on first use: per chain, one result per
 * peer group (ingress), destination group (egress) or external atom. Every class of a group is
 * alike to every cluster-policy peer, so its representative stands for all of them.
 */
export class TierResults {
  private readonly evaluator: TierEvaluator;
  private readonly cache: Record<'ingress' | 'egress' | 'external', (Uint32Array | undefined)[][]>;

  constructor(
    private readonly chains: ClusterChains,
    private readonly all: Bits,
    /** ORs a term's ports towards destination class `d` (named ports resolved on it). */
    private readonly termPorts: (into: Bits, t: Term, d: number) => void,
  ) {
    this.evaluator = new TierEvaluator(all);
    const perChain = (n: number): (Uint32Array | undefined)[][] =>
      Array.from({ length: n }, () => []);
    this.cache = {
      ingress: perChain(chains.chains.ingress.length),
      egress: perChain(chains.chains.egress.length),
      external: perChain(chains.chains.egress.length),
    };
  }

  /** Ingress of a class on `chain` (`d`, any class of it) from the sources of peer group `group`. */
  ingress(chain: number, group: number, d: number): Uint32Array {
    const cache = this.cache.ingress[chain] as (Uint32Array | undefined)[];
    let hit = cache[group];
    if (!hit) {
      const rep = this.chains.peerGroupRep[group] as number;
      hit = this.evaluator.evaluate(
        this.chains.chains.ingress[chain] as TierChainTerms,
        (t) => t.peers.has(rep),
        (into, t) => this.termPorts(into, t, d),
      );
      cache[group] = hit;
    }
    return hit;
  }

  /** Egress of a class on `chain` towards the destinations of destination group `group`. */
  egress(chain: number, group: number): Uint32Array {
    const cache = this.cache.egress[chain] as (Uint32Array | undefined)[];
    let hit = cache[group];
    if (!hit) {
      const rep = this.chains.dstGroupRep[group] as number;
      hit = this.evaluator.evaluate(
        this.chains.chains.egress[chain] as TierChainTerms,
        (t) => t.peers.has(rep),
        (into, t) => this.termPorts(into, t, rep),
      );
      cache[group] = hit;
    }
    return hit;
  }

  /** Egress of a class on `chain` to external atom `e` (named ports never match an address). */
  external(chain: number, e: number): Uint32Array {
    const cache = this.cache.external[chain] as (Uint32Array | undefined)[];
    let hit = cache[e + 1];
    if (!hit) {
      hit = this.evaluator.evaluate(
        this.chains.chains.egress[chain] as TierChainTerms,
        (t) => t.ext === undefined || (e >= 0 && hasBit(t.ext, e)),
        (into, t) => orInto(into, t.allPorts ? this.all : t.numeric),
      );
      cache[e + 1] = hit;
    }
    return hit;
  }
}
