import type { ChainPolicy, ChainRule, ChainTier, PolicyChain } from '../../chain/policy-chain';
import { clusterPolicyInChain, networkPolicyInChain } from '../../chain/kubernetes-chain-policies';
import type { Inventory, Pod } from '../../inventory/inventory';
import type { Direction } from '../../policy/network-policy';
import { ConnectionSet } from '../../ports/connection-set';
import type { Endpoint, EvaluationOptions } from '../../reference/traffic';
import type { CalicoPolicy, CalicoRule } from './calico-objects';
import {
  calicoNamespaceLabels,
  endpointLabels,
  entityMatches,
  ruleConnections,
  serviceAccountLabels,
} from './calico-match';
import { DEFAULT_TIER } from './parse-calico-policy';
import { CALICO_BUILTIN_TIERS, KNP_ORDER } from './calico-tiers';

const CLUSTER_KIND_RANK = {
  ClusterNetworkPolicy: 0,
  AdminNetworkPolicy: 1,
  BaselineAdminNetworkPolicy: 2,
} as const;
import { matchesCalicoNamespaceSelector, matchesCalicoSelector } from './selector/evaluate';

/**
 * The whole Calico enforcement order of an inventory: declared tiers with the built-in ones,
 * Calico policies in their tiers, Kubernetes NetworkPolicies in the default tier at order 1000,
 * and cluster-scoped policies in `kube-admin`/`kube-baseline` at their priority ("The
 * ClusterNetworkPolicy priority field maps to the order field").
 * See https://docs.tigera.io/calico/latest/reference/resources/tier
 */
export function calicoChain(inventory: Inventory, options: EvaluationOptions): PolicyChain {
  const calico = inventory.calico ?? { policies: [], tiers: [], networkSets: [] };
  const builtin = new Set(CALICO_BUILTIN_TIERS.map((t) => t.name));
  const tiers: ChainTier[] = [
    ...CALICO_BUILTIN_TIERS,
    ...calico.tiers
      .filter((t) => !builtin.has(t.name))
      .map((t) => ({
        name: t.name,
        order: t.order ?? Number.POSITIVE_INFINITY,
        defaultAction: t.defaultAction,
        ref: t.ref,
      })),
  ].sort((a, b) => (a.order === b.order ? (a.name < b.name ? -1 : 1) : a.order < b.order ? -1 : 1));
  const policies: ChainPolicy[] = [
    ...calico.policies
      .filter((p) => !p.hostOnly)
      .map((p) => calicoPolicyInChain(inventory, p, options)),
    ...inventory.policies.map((p) =>
      networkPolicyInChain(
        inventory,
        p,
        {
          tier: DEFAULT_TIER,
          order: KNP_ORDER,
          tieKey: `${p.ref.namespace ?? 'default'}/knp.default.${p.ref.name}`,
        },
        options,
      ),
    ),
    ...inventory.clusterPolicies.map((p) =>
      clusterPolicyInChain(inventory, p, {
        tier: p.tier === 'Admin' ? 'kube-admin' : 'kube-baseline',
        order: p.priority,
        // The network-policy-api order for equal priorities: ClusterNetworkPolicy, then
        // AdminNetworkPolicy, then by name (see compareClusterPolicies).
        tieKey: `${CLUSTER_KIND_RANK[p.kind]}/${p.name}`,
      }),
    ),
  ];
  return { cni: 'calico', tiers, policies };
}

function calicoPolicyInChain(
  inventory: Inventory,
  policy: CalicoPolicy,
  options: EvaluationOptions,
): ChainPolicy {
  const sets = inventory.calico?.networkSets ?? [];
  const rule = (r: CalicoRule): ChainRule => ({
    index: r.index,
    name: undefined,
    action: r.action,
    matchesSource: (src: Endpoint) =>
      ipVersionMatches(r, src) && entityMatches(inventory, sets, policy.namespace, r.source, src),
    matchesDestination: (dst: Endpoint) =>
      ipVersionMatches(r, dst) &&
      entityMatches(inventory, sets, policy.namespace, r.destination, dst),
    namedPorts: [...r.destination.ports, ...r.destination.notPorts].some((p) => p.kind === 'named'),
    // Source ports are not evaluated: an Allow/Log ignores them, a Deny/Pass with them never matches.
    connections: (dst: Endpoint) =>
      r.action !== 'Allow' &&
      r.action !== 'Log' &&
      r.source.ports.length + r.source.notPorts.length > 0
        ? ConnectionSet.NONE
        : ruleConnections(r, dst),
    notEvaluated: r.notEvaluated,
  });
  const prefix = policy.kind === 'GlobalNetworkPolicy' ? 'calico-gnp' : 'calico-np';
  return {
    ref: policy.ref,
    kind: prefix,
    label: `${prefix}/${policy.namespace ? `${policy.namespace}/` : ''}${policy.name}`,
    tier: policy.tier,
    order: policy.order,
    tieKey: policy.namespace ? `${policy.namespace}/${policy.name}` : policy.name,
    applies: (pod: Pod, direction: Direction) =>
      calicoSelects(inventory, policy, pod, direction, options),
    ingress: policy.ingress.map(rule),
    egress: policy.egress.map(rule),
  };
}

/** Whether a Calico policy applies to a pod in one direction. */
export function calicoSelects(
  inventory: Inventory,
  policy: CalicoPolicy,
  pod: Pod,
  direction: Direction,
  options: EvaluationOptions,
): boolean {
  if (!policy.types[direction] || policy.hostOnly) return false;
  if (pod.hostNetwork && options.hostNetwork === 'unrestricted') return false;
  if (policy.namespace !== undefined && pod.namespace !== policy.namespace) return false;
  if (
    policy.namespaceSelector &&
    !matchesCalicoNamespaceSelector(
      policy.namespaceSelector,
      calicoNamespaceLabels(inventory, pod.namespace),
    )
  )
    return false;
  if (
    policy.serviceAccountSelector &&
    !matchesCalicoSelector(policy.serviceAccountSelector, serviceAccountLabels(pod))
  )
    return false;
  return matchesCalicoSelector(policy.selector, endpointLabels(pod));
}

function ipVersionMatches(rule: CalicoRule, endpoint: Endpoint): boolean {
  if (rule.ipVersion === undefined) return true;
  const ip = endpoint.kind === 'external' ? endpoint.ip : endpoint.pod.ips[0];
  return ip ? ip.family === rule.ipVersion : rule.ipVersion === 4;
}
