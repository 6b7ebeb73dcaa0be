import {
  matchesLabels,
  namespaceLabels,
  type ClusterPolicy,
  type Inventory,
} from '@fenceline/netpol';
import type { CompiledBaseline } from '../baseline/compile-baseline';
import { clusterPolicyKey } from '../baseline/parse-cluster-policies';

/**
 * Whether a cluster policy on the cluster is the baseline's business: its subject's namespace
 * selector matches at least one in-scope namespace, so it may decide traffic of the pods the
 * baseline governs. A cluster policy whose subject only selects out-of-scope namespaces (say,
 * kube-system) is left alone, as a NetworkPolicy of such a namespace is. Pod labels are not
 * consulted: whether a policy is governed must not change when a pod is relabelled.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha2.ClusterNetworkPolicySubject
 *
 * @example clusterPolicyInScope(denyAll, inventory, new Set(['shop'])) // true for a `namespaces: {}` subject
 */
export function clusterPolicyInScope(
  policy: ClusterPolicy,
  inventory: Inventory,
  inScope: ReadonlySet<string>,
): boolean {
  for (const namespace of inScope)
    if (matchesLabels(policy.subject.namespaceSelector, namespaceLabels(inventory, namespace)))
      return true;
  return false;
}

/**
 * The cluster policies the baseline wants on the cluster: its own (expected whatever their
 * subject selects: cluster-scoped objects are never templated), plus the cluster's policies that
 * are out of scope and that the baseline does not hold under the same kind and name.
 *
 * @example desiredClusterPolicies(baseline, actual, inScope).map(clusterPolicyLabel)
 */
export function desiredClusterPolicies(
  baseline: CompiledBaseline,
  actual: Inventory,
  inScope: ReadonlySet<string>,
): ClusterPolicy[] {
  const held = new Set(baseline.clusterPolicies.map((p) => clusterPolicyKey(p.kind, p.name)));
  return [
    ...actual.clusterPolicies.filter(
      (p) =>
        !held.has(clusterPolicyKey(p.kind, p.name)) && !clusterPolicyInScope(p, actual, inScope),
    ),
    ...baseline.clusterPolicies,
  ];
}
