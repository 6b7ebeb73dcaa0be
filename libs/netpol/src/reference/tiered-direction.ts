import type {
  ClusterAction,
  ClusterPolicy,
  ClusterRule,
  ClusterTier,
} from '../cluster/cluster-policy';
import type { Inventory } from '../inventory/inventory';
import type { Direction, NetworkPolicy } from '../policy/network-policy';
import { ConnectionSet } from '../ports/connection-set';
import { directionRules, type MatchingRule } from './allowed-connections';
import { clusterRulePeersMatch, clusterRuleConnections, tierPolicies } from './cluster-match';
import type { Endpoint, EvaluationOptions } from './traffic';

/** A cluster-policy rule whose peers match the pair: what it matches, and what of that it decided. */
export interface ClusterRuleMatch {
  readonly policy: ClusterPolicy;
  readonly rule: ClusterRule;
  readonly action: ClusterAction;
  /** Every connection the rule's ports admit between the pair. */
  readonly connections: ConnectionSet;
  /** The part no earlier rule of the tier had decided: what this rule decides. */
  readonly decided: ConnectionSet;
}

/** One cluster tier of one direction. `passed` leaves the tier undecided, like `pending`. */
export interface TierOutcome {
  readonly tier: ClusterTier;
  /** Policies of the tier whose subject selects the pod (with rules for this direction). */
  readonly policies: readonly ClusterPolicy[];
  readonly matches: readonly ClusterRuleMatch[];
  readonly accepted: ConnectionSet;
  readonly denied: ConnectionSet;
  readonly passed: ConnectionSet;
  /** What reached the tier and no rule matched. */
  readonly unmatched: ConnectionSet;
}

/** The NetworkPolicy tier: final for an isolated pod, transparent otherwise. */
export interface NetworkPolicyOutcome {
  readonly isolating: readonly NetworkPolicy[];
  readonly rules: readonly MatchingRule[];
  /** The union of what the matching rules admit (everything when not isolated). */
  readonly admits: ConnectionSet;
}

/**
 * One direction decided through every tier, in the order of the API reference: Admin, then
 * NetworkPolicy, then Baseline, then the default allow.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha2.ClusterNetworkPolicySpec
 */
export interface TieredDirection {
  readonly direction: Direction;
  readonly admin: TierOutcome;
  readonly networkPolicy: NetworkPolicyOutcome;
  readonly baseline: TierOutcome;
  /** What reached the end of the tiers undecided: allowed by default. */
  readonly defaulted: ConnectionSet;
  readonly allowed: ConnectionSet;
}

const EMPTY_TIER = (tier: ClusterTier, reaching: ConnectionSet): TierOutcome => ({
  tier,
  policies: [],
  matches: [],
  accepted: ConnectionSet.NONE,
  denied: ConnectionSet.NONE,
  passed: ConnectionSet.NONE,
  unmatched: reaching,
});

/**
 * Decides one direction of `src → dst`: the source's egress or the destination's ingress. An
 * external end is governed by no policy.
 *
 * @example tieredDirection(inv, 'ingress', src, dst, DEFAULT_OPTIONS).allowed.toString()
 */
export function tieredDirection(
  inventory: Inventory,
  direction: Direction,
  src: Endpoint,
  dst: Endpoint,
  options: EvaluationOptions,
): TieredDirection {
  const subject = direction === 'egress' ? src : dst;
  const peer = direction === 'egress' ? dst : src;
  const np = directionRules(inventory, direction, src, dst, options);
  const networkPolicy: NetworkPolicyOutcome = {
    isolating: np.isolating,
    rules: np.rules,
    admits:
      np.isolating.length === 0
        ? ConnectionSet.ALL
        : np.rules.reduce((acc, r) => acc.union(r.connections), ConnectionSet.NONE),
  };
  const cluster = subject.kind === 'pod' && inventory.clusterPolicies.length > 0;
  const admin = cluster
    ? evaluateTier(inventory, 'Admin', direction, subject.pod, peer, dst, ConnectionSet.ALL)
    : EMPTY_TIER('Admin', ConnectionSet.ALL);
  const afterAdmin = admin.unmatched.union(admin.passed);
  let allowed = admin.accepted;
  let reachingBaseline = afterAdmin;
  if (networkPolicy.isolating.length > 0) {
    allowed = allowed.union(afterAdmin.intersect(networkPolicy.admits));
    reachingBaseline = ConnectionSet.NONE;
  }
  const baseline = cluster
    ? evaluateTier(inventory, 'Baseline', direction, subject.pod, peer, dst, reachingBaseline)
    : EMPTY_TIER('Baseline', reachingBaseline);
  const defaulted = baseline.unmatched.union(baseline.passed);
  allowed = allowed.union(baseline.accepted).union(defaulted);
  return { direction, admin, networkPolicy, baseline, defaulted, allowed };
}

function evaluateTier(
  inventory: Inventory,
  tier: ClusterTier,
  direction: Direction,
  subject: Parameters<typeof tierPolicies>[2],
  peer: Endpoint,
  dst: Endpoint,
  reaching: ConnectionSet,
): TierOutcome {
  const policies = tierPolicies(inventory, tier, subject, direction);
  const matches: ClusterRuleMatch[] = [];
  let pending = reaching;
  let accepted = ConnectionSet.NONE;
  let denied = ConnectionSet.NONE;
  let passed = ConnectionSet.NONE;
  for (const policy of policies) {
    for (const rule of policy[direction]) {
      if (!clusterRulePeersMatch(inventory, rule, peer)) continue;
      const connections = clusterRuleConnections(rule, dst);
      const decided = connections.intersect(pending);
      matches.push({ policy, rule, action: rule.action, connections, decided });
      if (decided.isEmpty) continue;
      if (rule.action === 'Accept') accepted = accepted.union(decided);
      else if (rule.action === 'Deny') denied = denied.union(decided);
      else passed = passed.union(decided);
      pending = pending.subtract(decided);
    }
  }
  return { tier, policies, matches, accepted, denied, passed, unmatched: pending };
}
