import type { ClusterPeer, ClusterRule } from '../cluster/cluster-policy';
import type { Inventory, Pod } from '../inventory/inventory';
import type { Direction } from '../policy/network-policy';
import { isMatchAll } from '../selector/label-selector';
import { tierPolicies } from './cluster-match';
import { clusterRuleRef, isolatingPolicies, type ClusterRuleRef } from './evaluate';
import { DEFAULT_OPTIONS, type EvaluationOptions } from './traffic';

/** What makes a pod's direction default-deny: NetworkPolicy isolation or a catch-all cluster Deny. */
export type DefaultDenySource =
  | { readonly by: 'NetworkPolicy'; readonly policies: readonly string[] }
  | ({ readonly by: 'ClusterPolicy' } & ClusterRuleRef);

/**
 * Whether traffic that no rule names is denied for this pod and direction, and by what. The
 * tiers are walked for a peer no specific rule matches: only catch-all rules (every pod and, for
 * egress, every IPv4 address through `networks` `0.0.0.0/0`; every port) apply to it. The first
 * catch-all rule of the Admin tier decides (Deny: default deny; Accept: not; Pass: on to the next
 * tier); rules for specific peers before it are its exceptions. Then an isolating NetworkPolicy
 * is default deny; then the first catch-all rule of the Baseline tier. Cluster-policy ingress
 * peers cannot name sources outside the cluster, so an ingress catch-all covers every pod source.
 *
 * @example defaultDenyOf(inventory, pod, 'ingress')?.by // 'ClusterPolicy'
 */
export function defaultDenyOf(
  inventory: Inventory,
  pod: Pod,
  direction: Direction,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): DefaultDenySource | undefined {
  const admin = firstCatchAll(inventory, 'Admin', pod, direction);
  if (admin && admin.action !== 'Pass')
    return admin.action === 'Deny' ? { by: 'ClusterPolicy', ...admin } : undefined;
  const isolating = isolatingPolicies(inventory, pod, direction, options);
  if (isolating.length > 0) {
    return { by: 'NetworkPolicy', policies: isolating.map((p) => `${p.namespace}/${p.name}`) };
  }
  const baseline = firstCatchAll(inventory, 'Baseline', pod, direction);
  return baseline?.action === 'Deny' ? { by: 'ClusterPolicy', ...baseline } : undefined;
}

function firstCatchAll(
  inventory: Inventory,
  tier: 'Admin' | 'Baseline',
  pod: Pod,
  direction: Direction,
): ClusterRuleRef | undefined {
  if (inventory.clusterPolicies.length === 0) return undefined;
  for (const policy of tierPolicies(inventory, tier, pod, direction)) {
    for (const rule of policy[direction])
      if (isCatchAll(rule, direction)) return clusterRuleRef(policy, rule);
  }
  return undefined;
}

/** Whether a rule matches every peer of its direction on every port. */
export function isCatchAll(rule: ClusterRule, direction: Direction): boolean {
  if (rule.ports.length > 0) return false;
  const everyPod = (p: ClusterPeer): boolean =>
    p.kind === 'pods' &&
    isMatchAll(p.namespaceSelector) &&
    (!p.podSelector || isMatchAll(p.podSelector));
  const everyAddress = (p: ClusterPeer): boolean => p.kind === 'networks' && p.coversUnknownAddress;
  if (direction === 'ingress') return rule.peers.some(everyPod);
  return rule.peers.some(everyAddress);
}
