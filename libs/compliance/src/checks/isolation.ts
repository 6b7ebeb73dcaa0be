import type { Direction, Pod } from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import type { CheckContext } from './check-context';
import { defaultDenyNames } from './tier-evidence';
import { fromSubjects, notApplicable, type Check, type CheckOutcome } from './check-outcome';

/**
 * ZT-1 / ZT-2: every pod default deny for `direction`. A pod is when a NetworkPolicy of its
 * namespace selects it and lists the direction in `policyTypes` (omitted: Ingress always,
 * Egress when `spec.egress` has rules), or when a catch-all cluster-policy Deny applies to it: an
 * Admin-tier one (rules for specific peers before it are its exceptions) or, where no
 * NetworkPolicy isolates, a Baseline-tier one. An Admin-tier catch-all Accept before any of that
 * makes the direction allow-by-default. Otherwise the direction allows everything.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
 * and https://network-policy-api.sigs.k8s.io/reference/spec/
 *
 * Subjects are pods (score = default-deny pods / pods, the model's `coverage()` numbers); one
 * failure per workload with a pod that is not; details per namespace, naming what gives default
 * deny (`defaultDenyBy`: NetworkPolicies, or `cnp/default-deny ingress rule 0`).
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
      {
        totalPods: number;
        isolatedPods: number;
        unisolatedWorkloads: string[];
        defaultDenyBy: Set<string>;
      }
    >();
    let open = 0;
    for (const [workload, pods] of ctx.workloads) {
      const namespace = (pods[0] as { namespace: string }).namespace;
      const ns = perNamespace.get(namespace) ?? {
        totalPods: 0,
        isolatedPods: 0,
        unisolatedWorkloads: [],
        defaultDenyBy: new Set<string>(),
      };
      perNamespace.set(namespace, ns);
      const unisolated: Pod[] = [];
      for (const pod of pods) {
        const source = ctx.defaultDeny(pod, direction);
        if (!source) unisolated.push(pod);
        for (const name of defaultDenyNames(source, direction)) ns.defaultDenyBy.add(name);
      }
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
      .map(([namespace, n]) => ({
        namespace,
        direction,
        totalPods: n.totalPods,
        isolatedPods: n.isolatedPods,
        unisolatedWorkloads: n.unisolatedWorkloads,
        defaultDenyBy: [...n.defaultDenyBy].sort(),
      }));
    return fromSubjects(total, failures, details, open);
  };
}
