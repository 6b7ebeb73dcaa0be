import { isEmptyBits, orInto, type Bits } from './bitset';
import type { ClusterTerm } from './cluster-terms';
import type { Term } from './policy-terms';

/**
 * Evaluates one direction of a class pair through the tiers, over port-atom bitsets: the Admin
 * tier's terms in order (the first matching term decides each atom: Accept, Deny, or Pass out
 * of the tier), then NetworkPolicy (final for an isolated class), then the Baseline tier, then
 * the default allow. The same order as the reference's `tieredDirection`.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha2.ClusterNetworkPolicySpec
 */
export class TierChain {
  private readonly pending: Bits;
  private readonly passed: Bits;
  private readonly m: Bits;

  constructor(private readonly all: Bits) {
    this.pending = new Uint32Array(all.length);
    this.passed = new Uint32Array(all.length);
    this.m = new Uint32Array(all.length);
  }

  /**
   * Sets `out` to what the direction allows; false when nothing. `matches` says whether a term's
   * peers admit the other end; `ports` ORs a term's ports (towards the destination) into a buffer.
   */
  evaluate(
    out: Bits,
    admin: readonly ClusterTerm[] | undefined,
    networkPolicy: readonly Term[] | undefined,
    baseline: readonly ClusterTerm[] | undefined,
    matches: (t: Term) => boolean,
    ports: (into: Bits, t: Term) => void,
  ): boolean {
    const { pending, passed, m } = this;
    pending.set(this.all);
    out.fill(0);
    passed.fill(0);
    if (admin) this.tier(out, admin, matches, ports);
    orInto(pending, passed);
    if (networkPolicy) {
      m.fill(0);
      for (const t of networkPolicy) if (matches(t)) ports(m, t);
      for (let i = 0; i < out.length; i++)
        out[i] = (out[i] as number) | ((pending[i] as number) & (m[i] as number));
      return !isEmptyBits(out);
    }
    passed.fill(0);
    if (baseline) this.tier(out, baseline, matches, ports);
    for (let i = 0; i < out.length; i++) {
      out[i] = (out[i] as number) | (pending[i] as number) | (passed[i] as number);
    }
    return !isEmptyBits(out);
  }

  private tier(
    out: Bits,
    terms: readonly ClusterTerm[],
    matches: (t: Term) => boolean,
    ports: (into: Bits, t: Term) => void,
  ): void {
    const { pending, passed, m } = this;
    for (const t of terms) {
      if (isEmptyBits(pending)) return;
      if (!matches(t)) continue;
      m.fill(0);
      ports(m, t);
      let any = 0;
      for (let i = 0; i < m.length; i++) any |= m[i] = (m[i] as number) & (pending[i] as number);
      if (any === 0) continue;
      if (t.action === 'Accept') orInto(out, m);
      else if (t.action === 'Pass') orInto(passed, m);
      for (let i = 0; i < m.length; i++) pending[i] = (pending[i] as number) & ~(m[i] as number);
    }
  }
}
