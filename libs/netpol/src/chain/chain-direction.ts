import type { Direction } from '../policy/network-policy';
import { ConnectionSet } from '../ports/connection-set';
import type { Endpoint } from '../reference/traffic';
import { chainRuleRef, type ChainRuleRef } from './evaluate-chain';
import { applyingPolicies, type PolicyChain } from './policy-chain';

/** A rule that matched the pair: what it matches, and the part of that it decided. */
export interface ChainRuleMatch {
  readonly rule: ChainRuleRef;
  readonly connections: ConnectionSet;
  readonly decided: ConnectionSet;
}

/** One tier that applied: its matches, and what it left to its default action. */
export interface ChainTierOutcome {
  readonly tier: string;
  readonly matches: readonly ChainRuleMatch[];
  readonly unmatched: ConnectionSet;
  readonly defaultAction: 'Deny' | 'Pass';
}

/** Every connection of one direction of `src → dst` decided at once, tier by tier. */
export interface ChainDirection {
  readonly direction: Direction;
  readonly tiers: readonly ChainTierOutcome[];
  readonly allowed: ConnectionSet;
  /** What reached the profile (allowed). */
  readonly defaulted: ConnectionSet;
}

/**
 * The set form of {@link decideChain}: the same walk over connection sets, so one call decides
 * every protocol and port between two endpoints (each connection meets the same first rule as
 * in the pointwise walk).
 *
 * @example chainDirection(chain, 'egress', src, dst).allowed.toString()
 */
export function chainDirection(
  chain: PolicyChain,
  direction: Direction,
  src: Endpoint,
  dst: Endpoint,
): ChainDirection {
  const subject = direction === 'egress' ? src : dst;
  if (subject.kind !== 'pod')
    return { direction, tiers: [], allowed: ConnectionSet.ALL, defaulted: ConnectionSet.ALL };
  let pending = ConnectionSet.ALL;
  let allowed = ConnectionSet.NONE;
  const tiers: ChainTierOutcome[] = [];
  for (const tier of chain.tiers) {
    if (pending.isEmpty) break;
    const policies = applyingPolicies(chain, tier, subject.pod, direction);
    if (policies.length === 0) continue;
    let left = pending;
    let passed = ConnectionSet.NONE;
    const matches: ChainRuleMatch[] = [];
    for (const policy of policies) {
      for (const rule of policy[direction]) {
        if (left.isEmpty) break;
        if (!rule.matchesSource(src) || !rule.matchesDestination(dst)) continue;
        const connections = rule.connections(dst);
        const decided = rule.action === 'Log' ? ConnectionSet.NONE : connections.intersect(left);
        matches.push({ rule: chainRuleRef(policy, rule), connections, decided });
        if (decided.isEmpty) continue;
        if (rule.action === 'Allow') allowed = allowed.union(decided);
        else if (rule.action === 'Pass') passed = passed.union(decided);
        left = left.subtract(decided);
      }
    }
    tiers.push({ tier: tier.name, matches, unmatched: left, defaultAction: tier.defaultAction });
    pending = tier.defaultAction === 'Pass' ? passed.union(left) : passed;
  }
  return { direction, tiers, allowed: allowed.union(pending), defaulted: pending };
}
