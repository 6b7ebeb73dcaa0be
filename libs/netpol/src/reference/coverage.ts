import type { Inventory } from '../inventory/inventory';
import { defaultDenyOf } from './default-deny';
import { DEFAULT_OPTIONS, type EvaluationOptions } from './traffic';

/**
 * Pods whose ingress / egress is default deny (isolated by a NetworkPolicy, or under a catch-all
 * cluster-policy Deny: see {@link defaultDenyOf}), counted pod by pod with the reference rules.
 * The fast model's `coverage()` must give the same numbers.
 *
 * @example referenceCoverage(inventory).ingressIsolatedPods
 */
export function referenceCoverage(
  inventory: Inventory,
  options: EvaluationOptions = DEFAULT_OPTIONS,
) {
  const perNs = new Map<
    string,
    {
      namespace: string;
      totalPods: number;
      ingressIsolatedPods: number;
      egressIsolatedPods: number;
    }
  >();
  for (const pod of inventory.pods) {
    const ns = perNs.get(pod.namespace) ?? {
      namespace: pod.namespace,
      totalPods: 0,
      ingressIsolatedPods: 0,
      egressIsolatedPods: 0,
    };
    ns.totalPods++;
    if (defaultDenyOf(inventory, pod, 'ingress', options)) ns.ingressIsolatedPods++;
    if (defaultDenyOf(inventory, pod, 'egress', options)) ns.egressIsolatedPods++;
    perNs.set(pod.namespace, ns);
  }
  const namespaces = [...perNs.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : 1));
  return {
    totalPods: inventory.pods.length,
    ingressIsolatedPods: namespaces.reduce((n, x) => n + x.ingressIsolatedPods, 0),
    egressIsolatedPods: namespaces.reduce((n, x) => n + x.egressIsolatedPods, 0),
    namespaces,
  };
}
