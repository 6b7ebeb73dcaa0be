import type { Inventory } from '../inventory/inventory';
import { isolatingPolicies } from './evaluate';
import { DEFAULT_OPTIONS, type EvaluationOptions } from './traffic';

/**
 * Pods isolated for ingress / egress, counted pod by pod with the reference rules. The fast
 * model's `coverage()` must give the same numbers.
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
    if (isolatingPolicies(inventory, pod, 'ingress', options).length > 0) ns.ingressIsolatedPods++;
    if (isolatingPolicies(inventory, pod, 'egress', options).length > 0) ns.egressIsolatedPods++;
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
