import {
  compareClusterPolicies,
  isCatchAll,
  tierPolicies,
  type ClusterPolicy,
  type ClusterRule,
  type ClusterTier,
  type Direction,
  type Inventory,
  type Pod,
} from '@fenceline/netpol';

/** One rule of one cluster-scoped policy, with its direction. */
export interface ClusterRuleAt {
  readonly policy: ClusterPolicy;
  readonly direction: Direction;
  readonly rule: ClusterRule;
}

/**
 * Every rule of every cluster policy (ClusterNetworkPolicy, AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy), Admin tier first, each tier in evaluation order.
 */
export function allClusterRules(inventory: Inventory): ClusterRuleAt[] {
  const tierRank = (p: ClusterPolicy): number => (p.tier === 'Admin' ? 0 : 1);
  return [...inventory.clusterPolicies]
    .sort((a, b) => tierRank(a) - tierRank(b) || compareClusterPolicies(a, b))
    .flatMap((policy) => [
      ...policy.ingress.map((rule) => ({ policy, direction: 'ingress' as const, rule })),
      ...policy.egress.map((rule) => ({ policy, direction: 'egress' as const, rule })),
    ]);
}

/**
 * The rules of one tier that can decide some of `pod`'s traffic in `direction`: the rules of
 * the tier's policies whose subject selects it, in evaluation order, up to and including the
 * first catch-all rule (every peer, every port): nothing after it is ever reached.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 */
export function reachableTierRules(
  inventory: Inventory,
  tier: ClusterTier,
  pod: Pod,
  direction: Direction,
): ClusterRuleAt[] {
  const out: ClusterRuleAt[] = [];
  for (const policy of tierPolicies(inventory, tier, pod, direction)) {
    for (const rule of policy[direction]) {
      out.push({ policy, direction, rule });
      if (isCatchAll(rule, direction)) return out;
    }
  }
  return out;
}
