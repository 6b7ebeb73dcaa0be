import type { ChainTier } from '../../chain/policy-chain';

/**
 * Calico's built-in tiers, fixed: "The default tier … has the order of 1,000,000"; `kube-admin`
 * (ClusterNetworkPolicy tier Admin) 1,000 and `kube-baseline` (tier Baseline) 10,000,000, both
 * with default action Pass.
 * See https://docs.tigera.io/calico/latest/reference/resources/tier#the-default-tier
 */
export const CALICO_BUILTIN_TIERS: readonly ChainTier[] = Object.freeze([
  { name: 'kube-admin', order: 1_000, defaultAction: 'Pass', ref: undefined },
  { name: 'default', order: 1_000_000, defaultAction: 'Deny', ref: undefined },
  { name: 'kube-baseline', order: 10_000_000, defaultAction: 'Pass', ref: undefined },
]);

export const CALICO_BUILTIN_TIER_NAMES: readonly string[] = CALICO_BUILTIN_TIERS.map((t) => t.name);

/**
 * Kubernetes NetworkPolicies become `knp.default.<name>` policies of order 1000 in the default
 * tier (`calicoctl get networkpolicy` lists them so).
 * See https://docs.tigera.io/calico/latest/operations/troubleshoot/commands
 */
export const KNP_ORDER = 1000;
