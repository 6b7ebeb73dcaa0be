import type { ChainTier } from '../../chain/policy-chain';

/**
 * The static tiers antrea-controller creates: "Emergency -> Tier name "emergency" with priority
 * "50" … Application … "250" … Baseline -> Tier name "baseline" with priority "253"".
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#static-tiers
 */
export const ANTREA_STATIC_TIERS: readonly { readonly name: string; readonly priority: number }[] =
  Object.freeze([
    { name: 'emergency', priority: 50 },
    { name: 'securityops', priority: 100 },
    { name: 'networkops', priority: 150 },
    { name: 'platform', priority: 200 },
    { name: 'application', priority: 250 },
    { name: 'baseline', priority: 253 },
  ]);

/** "Any Antrea-native Policy resource without a `tier` name set in its spec will be associated with the "application" Tier." */
export const ANTREA_DEFAULT_TIER = 'application';
export const ANTREA_BASELINE_TIER = 'baseline';

/**
 * Tier priorities a custom Tier may not take besides the static ones (the admission webhook's
 * `reservedTierPriorities`): 251 and 254 are where Antrea places AdminNetworkPolicy and the
 * baseline of the upstream cluster policies.
 */
export const ANTREA_RESERVED_TIER_PRIORITIES: readonly number[] = Object.freeze([
  251, 252, 254, 255,
]);

/**
 * Where Antrea places the network-policy-api kinds among its tiers: ClusterNetworkPolicy
 * `tier: Admin` at 220 ("Antrea-native Policies, Tier priority higher than 220 > ClusterNetworkPolicy,
 * Admin tier (inherent tier priority == 220) > … > K8s NetworkPolicies > Antrea-native Policies,
 * Tier == baseline > ClusterNetworkPolicy, Baseline tier"), the deprecated AdminNetworkPolicy at
 * 251, after every non-baseline Antrea tier, and BaselineAdminNetworkPolicy with the Baseline
 * ClusterNetworkPolicies at 254 (at policy priority 1).
 * See https://github.com/antrea-io/antrea/blob/main/docs/cluster-network-policy.md#relationship-with-antrea-native-policies
 * and https://github.com/antrea-io/antrea/blob/main/docs/admin-network-policy.md#relationship-with-antrea-native-policies
 */
export const UPSTREAM_TIER_PRIORITY = Object.freeze({
  clusterAdmin: 220,
  adminNetworkPolicy: 251,
  baseline: 254,
});
export const BASELINE_ADMIN_POLICY_PRIORITY = 1;

/** Chain tier names: every non-baseline tier of Antrea's policy table, then NetworkPolicy, then baseline. */
export const ANTREA_CHAIN_TIER = 'antrea';
export const K8S_CHAIN_TIER = 'k8s-networkpolicy';
export const BASELINE_CHAIN_TIER = 'baseline';

/**
 * Antrea's enforcement as three chain tiers. All Antrea tiers but baseline share one OVS table
 * ("Antrea-native NetworkPolicy other Tiers -> AntreaPolicyEgressRule; K8s NetworkPolicy ->
 * EgressRule; Antrea-native NetworkPolicy Baseline Tier -> EgressDefaultRule"), so they are one
 * chain tier ordered by tier priority: a "Pass" rule "skips this packet for further
 * Antrea-native policy rule evaluations in regular Tiers, and delegates the decision to K8s
 * namespaced NetworkPolicies" — the next chain tier, not the next Antrea tier. The
 * NetworkPolicy tier denies what an isolating policy does not allow ("baseline policies cannot
 * counteract the isolated Pod behavior"); what reaches the end is allowed.
 * See https://github.com/antrea-io/antrea/blob/main/docs/design/ovs-pipeline.md#antreapolicyegressrule
 */
export const ANTREA_CHAIN_TIERS: readonly ChainTier[] = Object.freeze([
  { name: ANTREA_CHAIN_TIER, order: 0, defaultAction: 'Pass', ref: undefined },
  { name: K8S_CHAIN_TIER, order: 1, defaultAction: 'Deny', ref: undefined },
  { name: BASELINE_CHAIN_TIER, order: 2, defaultAction: 'Pass', ref: undefined },
]);

const STATIC_DISPLAY_NAMES = [
  'Emergency',
  'SecurityOps',
  'NetworkOps',
  'Platform',
  'Application',
  'Baseline',
];

/**
 * The static tier a `tier` value names: its Tier name, or one of the display names the
 * controller lower-cases (`SecurityOps` → `securityops`; `SECURITYOPS` names no tier).
 */
export function staticTierName(tier: string): string | undefined {
  const name = STATIC_DISPLAY_NAMES.includes(tier) ? tier.toLowerCase() : tier;
  return ANTREA_STATIC_TIERS.find((t) => t.name === name)?.name;
}
