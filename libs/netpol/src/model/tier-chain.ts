import { isEmptyBits, orInto, type Bits } from './bitset';
import type { ClusterTerm, TierChainTerms } from './cluster-terms';
import type { Term } from './policy-terms';

/**
 * Evaluates chains over port-atom bitsets: each tier's terms in order, the first matching term
 * deciding each atom (Accept, Deny, or Pass out of the tier). The same order as the reference's
 * `tieredDirection`. A result packs three bitsets of W words: `accepted` by the Admin tier
 * (final); `pending`, what the Admin tier left undecided or passed (NetworkPolicy decides it for
 * an isolated pod); `open`, what is allowed when no NetworkPolicy isolates the pod (accepted,
 * plus what the Baseline tier accepts, passes or leaves to the default allow).
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha2.ClusterNetworkPolicySpec
 */
export class TierEvaluator {
  private readonly pending: Bits;
  private readonly passed: Bits;
  private readonly m: Bits;
  private readonly words: number;

  constructor(private readonly all: Bits) {
    this.words = all.length;
    this.pending = new Uint32Array(this.words);
    this.passed = new Uint32Array(this.words);
    this.m = new Uint32Array(this.words);
  }

  /**
   * The packed result for one chain and one other end: `matches` says whether a term's peers
   * admit it, `ports` ORs a term's ports (towards the destination) into a buffer.
   */
  evaluate(
    chain: TierChainTerms,
    matches: (t: Term) => boolean,
    ports: (into: Bits, t: Term) => void,
  ): Uint32Array {
    const W = this.words;
    const result = new Uint32Array(3 * W);
    const accepted = result.subarray(0, W);
    const pendingOut = result.subarray(W, 2 * W);
    const open = result.subarray(2 * W, 3 * W);
    const { pending, passed } = this;
    pending.set(this.all);
    passed.fill(0);
    this.tier(accepted, chain.admin, matches, ports);
    orInto(pending, passed);
    pendingOut.set(pending);
    passed.fill(0);
    open.set(accepted);
    this.tier(open, chain.baseline, matches, ports);
    orInto(open, pending);
    orInto(open, passed);
    return result;
  }

  private tier(
    accepted: Bits,
    policies: readonly (readonly ClusterTerm[])[],
    matches: (t: Term) => boolean,
    ports: (into: Bits, t: Term) => void,
  ): void {
    for (const terms of policies) if (!this.policy(accepted, terms, matches, ports)) return;
  }

  /** One policy's terms in order; false once nothing is left pending. */
  private policy(
    accepted: Bits,
    terms: readonly ClusterTerm[],
    matches: (t: Term) => boolean,
    ports: (into: Bits, t: Term) => void,
  ): boolean {
    const { pending, passed, m } = this;
    for (const t of terms) {
      if (isEmptyBits(pending)) return false;
      if (!matches(t)) continue;
      m.fill(0);
      ports(m, t);
      let any = 0;
      for (let i = 0; i < m.length; i++) any |= m[i] = (m[i] as number) & (pending[i] as number);
      if (any === 0) continue;
      if (t.action === 'Accept') orInto(accepted, m);
      else if (t.action === 'Pass') orInto(passed, m);
      for (let i = 0; i < m.length; i++) pending[i] = (pending[i] as number) & ~(m[i] as number);
    }
    return true;
  }
}

/**
 * Combines a packed tier result with the NetworkPolicy tier into `out`: for an isolated pod
 * (`np` given: what its NetworkPolicies admit) accepted ∪ (pending ∩ np), else `open`.
 * Returns whether anything is allowed.
 */
export function combineTiers(out: Bits, result: Uint32Array, np: Bits | undefined): boolean {
  const W = out.length;
  let any = 0;
  if (np) {
    for (let i = 0; i < W; i++) {
      any |= out[i] = (result[i] as number) | ((result[W + i] as number) & (np[i] as number));
    }
  } else {
    for (let i = 0; i < W; i++) any |= out[i] = result[2 * W + i] as number;
  }
  return any !== 0;
}
