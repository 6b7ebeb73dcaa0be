import { buildModel, DEFAULT_OPTIONS, type Coverage, type EvaluationOptions, type Inventory } from '@fenceline/netpol';
import { CheckContext } from '../checks/check-context';

/** The model's coverage numbers plus the workloads with a pod not isolated per direction. */
export interface CoverageReport extends Coverage {
  readonly workloadsWithoutIngressIsolation: string[];
  readonly workloadsWithoutEgressIsolation: string[];
}

/**
 * Pods isolated for ingress and egress, in total and per namespace (the fast model's
 * `coverage()`), and the workloads (`namespace/name[Kind]`) that have a pod not isolated.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
 *
 * @example coverageReport(inventory).workloadsWithoutEgressIsolation // ['shop/web[Deployment]']
 */
export function coverageReport(inventory: Inventory, options: EvaluationOptions = DEFAULT_OPTIONS): CoverageReport {
  const coverage = buildModel(inventory, options).coverage();
  const ctx = new CheckContext({ source: { inventory }, options, cde: undefined, inbound: [], outbound: [], now: new Date(0) });
  const without = (direction: 'ingress' | 'egress'): string[] =>
    [...ctx.workloads.entries()].filter(([, pods]) => pods.some((p) => !ctx.isolated(p, direction))).map(([w]) => w);
  return {
    ...coverage,
    workloadsWithoutIngressIsolation: without('ingress'),
    workloadsWithoutEgressIsolation: without('egress'),
  };
}
