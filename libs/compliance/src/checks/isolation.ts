import type { Direction } from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import type { CheckContext } from './check-context';
import { fromSubjects, notApplicable, type Check, type CheckOutcome } from './check-outcome';

/**
 * ZT-1 / ZT-2: every pod isolated for `direction`. A pod is isolated when a policy of its
 * namespace selects it and lists the direction in `policyTypes` (omitted: Ingress always,
 * Egress when `spec.egress` has rules); an unisolated direction allows everything.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
 *
 * Subjects are pods (score = isolated pods / pods, the model's `coverage()` numbers); one
 * failure per workload with an unisolated pod; details per namespace.
 *
 * @example isolationCheck('ingress')(ctx).score
 */
export function isolationCheck(direction: Direction): Check {
  return (ctx: CheckContext): CheckOutcome => {
    const total = ctx.inventory.pods.length;
    if (total === 0) return notApplicable('no pods in the inventory');
    const failures: Evidence[] = [];
    const perNamespace = new Map<
      string,
      { totalPods: number; isolatedPods: number; unisolatedWorkloads: string[] }
    >();
    let open = 0;
    for (const [workload, pods] of ctx.workloads) {
      const namespace = (pods[0] as { namespace: string }).namespace;
      const ns = perNamespace.get(namespace) ?? {
        totalPods: 0,
        isolatedPods: 0,
        unisolatedWorkloads: [],
      };
      perNamespace.set(namespace, ns);
      const unisolated = pods.filter((p) => !ctx.isolated(p, direction));
      ns.totalPods += pods.length;
      ns.isolatedPods += pods.length - unisolated.length;
      if (unisolated.length === 0) continue;
      open += unisolated.length;
      ns.unisolatedWorkloads.push(workload);
      failures.push({
        namespace,
        workload,
        direction,
        unisolatedPods: unisolated.map((p) => p.name),
        totalPods: pods.length,
      });
    }
    const details = [...perNamespace.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([namespace, n]) => ({ namespace, direction, ...n }));
    return fromSubjects(total, failures, details, open);
  };
}
