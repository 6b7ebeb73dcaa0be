import { clusterPolicyInChain, networkPolicyInChain } from '../../chain/kubernetes-chain-policies';
import type { ChainPolicy, ChainRule, ChainTier } from '../../chain/policy-chain';
import type { Inventory, Pod } from '../../inventory/inventory';
import type { Direction, NetworkPolicy } from '../../policy/network-policy';
import type { Endpoint, EvaluationOptions } from '../../reference/traffic';
import type { CiliumContext } from './cilium-endpoint';

/**
 * Cilium's enforcement as an ordered chain. Cilium has no tiers or priorities ("All policy rules
 * are based upon a whitelist model"), but two statements order it: "Deny policies take
 * precedence over allow policies, regardless of whether they are a Cilium Network Policy, a
 * Clusterwide Cilium Network Policy or even a Kubernetes Network Policy", and an endpoint
 * "selected by a network policy … transitions to a default-deny state, where only explicitly
 * allowed traffic is permitted" unless every policy selecting it has `enableDefaultDeny` off.
 * So: every deny rule first (`cilium-deny`, default Pass); the allow rules of policies that do
 * not make the endpoint default deny (`cilium-allow-additive`, default Pass: what they do not
 * allow stays allowed); then the allow rules of the policies that do, with Kubernetes
 * NetworkPolicies ("the same allow set"), whose tier applies when one of them selects the
 * endpoint and ends in Deny. Cilium does not implement ClusterNetworkPolicy/AdminNetworkPolicy
 * (cilium/cilium#23380 is a feature proposal); where such objects are present they are placed in
 * the network-policy-api order around that: `kube-admin` first, `kube-baseline` for what no
 * default-deny policy decided.
 * See https://docs.cilium.io/en/latest/security/policy/deny/
 * and https://docs.cilium.io/en/latest/security/policy/intro/#endpoint-default-policy
 */
export const CILIUM_TIERS: readonly ChainTier[] = Object.freeze([
  { name: 'kube-admin', order: 1, defaultAction: 'Pass', ref: undefined },
  { name: 'cilium-deny', order: 2, defaultAction: 'Pass', ref: undefined },
  { name: 'cilium-allow-additive', order: 3, defaultAction: 'Pass', ref: undefined },
  { name: 'cilium-allow', order: 4, defaultAction: 'Deny', ref: undefined },
  { name: 'kube-baseline', order: 5, defaultAction: 'Pass', ref: undefined },
]);

const CLUSTER_KIND_RANK = {
  ClusterNetworkPolicy: 0,
  AdminNetworkPolicy: 1,
  BaselineAdminNetworkPolicy: 2,
} as const;

/** Cluster-scoped policies in `kube-admin`/`kube-baseline` by priority (network-policy-api ties). */
export function clusterPoliciesInCiliumChain(inventory: Inventory): ChainPolicy[] {
  return inventory.clusterPolicies.map((p) =>
    clusterPolicyInChain(inventory, p, {
      tier: p.tier === 'Admin' ? 'kube-admin' : 'kube-baseline',
      order: p.priority,
      tieKey: `${CLUSTER_KIND_RANK[p.kind]}/${p.name}`,
    }),
  );
}

/**
 * A Kubernetes NetworkPolicy under Cilium: allow rules in `cilium-allow`. Cilium enforces it on
 * the pods it manages, so not on host-network pods (they are the node's `host` identity), and a
 * rule that names peers does not match those or node addresses: pod selectors select managed
 * endpoints, and an `ipBlock` is a CIDR rule, which does "not apply to traffic where both sides
 * of the connection are either managed by Cilium or use an IP belonging to a node in the cluster
 * (including host networking pods)". A rule without peers still admits everything.
 * See https://docs.cilium.io/en/latest/security/policy/layer3/#ip-cidr-based
 */
export function networkPolicyInCiliumChain(
  context: CiliumContext,
  policy: NetworkPolicy,
  options: EvaluationOptions,
): ChainPolicy {
  const base = networkPolicyInChain(
    context.inventory,
    policy,
    { tier: 'cilium-allow', order: undefined, tieKey: `${policy.namespace}/${policy.ref.name}` },
    options,
  );
  const notNode = (e: Endpoint): boolean => context.kindOf(e) !== 'node';
  const wrap =
    (direction: Direction) =>
    (rule: ChainRule): ChainRule => {
      if (policy[direction].find((r) => r.index === rule.index)?.peers === undefined) return rule;
      return direction === 'egress'
        ? { ...rule, matchesDestination: (d) => notNode(d) && rule.matchesDestination(d) }
        : { ...rule, matchesSource: (s) => notNode(s) && rule.matchesSource(s) };
    };
  return {
    ...base,
    applies: (pod: Pod, direction: Direction) => !pod.hostNetwork && base.applies(pod, direction),
    ingress: base.ingress.map(wrap('ingress')),
    egress: base.egress.map(wrap('egress')),
  };
}
