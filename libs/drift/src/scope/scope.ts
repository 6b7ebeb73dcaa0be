import {
  matchesLabels,
  namespaceLabels,
  parseNetworkPolicy,
  resolveNodePeers,
  type ClusterPolicy,
  type Inventory,
  type NetworkPolicy,
  type Pod,
} from '@fenceline/netpol';
import type { BaselinePolicy, CompiledBaseline } from '../baseline/compile-baseline';

/**
 * Namespaces of the cluster the baseline governs: every namespace the inventory knows (defined,
 * or only implied by a pod or policy) whose labels, `kubernetes.io/metadata.name` included,
 * match `scope.namespaceSelector`.
 *
 * @example namespacesInScope(baseline, inventory).has('kube-system') // false with the default scope
 */
export function namespacesInScope(baseline: CompiledBaseline, inventory: Inventory): Set<string> {
  const names = new Set<string>(inventory.namespaces.keys());
  for (const pod of inventory.pods) names.add(pod.namespace);
  for (const policy of inventory.policies) names.add(policy.namespace);
  return new Set(
    [...names]
      .filter((name) => matchesLabels(baseline.scope, namespaceLabels(inventory, name)))
      .sort(),
  );
}

/**
 * The policies the baseline expects in the cluster: each namespaced policy whose namespace is in
 * scope, and each template instantiated in every in-scope namespace — except where a namespaced
 * policy of the same name overrides it for that namespace.
 *
 * @example expectedPolicies(baseline, new Set(['shop'])).map((p) => `${p.namespace}/${p.name}`)
 */
export function expectedPolicies(
  baseline: CompiledBaseline,
  inScope: ReadonlySet<string>,
): NetworkPolicy[] {
  const out: NetworkPolicy[] = [];
  const overridden = new Set<string>();
  for (const policy of baseline.namespaced) {
    const namespace = policy.namespace as string;
    if (!inScope.has(namespace)) continue;
    overridden.add(`${namespace}/${policy.name}`);
    out.push(instantiate(policy, namespace));
  }
  for (const namespace of inScope) {
    for (const template of baseline.templates) {
      if (!overridden.has(`${namespace}/${template.name}`))
        out.push(instantiate(template, namespace));
    }
  }
  return out;
}

/**
 * A baseline policy as it applies in `namespace` (a template's `podSelector`-only peers mean
 * pods of that namespace). Throws when the object is not valid, which validation rules out.
 */
export function instantiate(policy: BaselinePolicy, namespace: string): NetworkPolicy {
  const source = policy.namespace === undefined ? 'baseline template' : 'baseline';
  const parsed = parseNetworkPolicy(policy.raw, {
    kind: 'NetworkPolicy',
    namespace,
    name: policy.name,
    source,
  });
  if (!parsed.value)
    throw new Error(
      `baseline policy ${namespace}/${policy.name} is invalid: ${parsed.issues[0]?.message ?? ''}`,
    );
  return parsed.value;
}

/**
 * The cluster as the baseline wants it: the actual inventory (pods, namespaces, services) with,
 * in every in-scope namespace, the actual policies replaced by the expected ones, and the
 * cluster policies replaced by `clusterPolicies` (see `desiredClusterPolicies`). Out-of-scope
 * namespaces keep their actual policies.
 */
export function baselineInventory(
  actual: Inventory,
  inScope: ReadonlySet<string>,
  expected: readonly NetworkPolicy[],
  clusterPolicies: readonly ClusterPolicy[],
): Inventory {
  return {
    ...actual,
    policies: [...actual.policies.filter((p) => !inScope.has(p.namespace)), ...expected],
    // The baseline's own cluster policies were read without nodes: their `nodes` peers match
    // the actual cluster's nodes, as the actual policies' do.
    clusterPolicies: actual.nodesKnown
      ? resolveNodePeers(clusterPolicies, actual.nodes)
      : clusterPolicies,
  };
}

/** Whether a pod is in the baseline's `sensitive` set (paths into it are critical). */
export function isSensitivePod(
  baseline: CompiledBaseline,
  inventory: Inventory,
  pod: Pod,
): boolean {
  const sensitive = baseline.sensitive;
  if (!sensitive) return false;
  if (!matchesLabels(sensitive.namespaceSelector, namespaceLabels(inventory, pod.namespace)))
    return false;
  return !sensitive.podSelector || matchesLabels(sensitive.podSelector, pod.labels);
}
