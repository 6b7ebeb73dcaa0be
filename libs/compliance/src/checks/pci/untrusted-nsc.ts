import type { Evidence } from '../../framework/types';
import type { CheckContext } from '../check-context';
import { fromSubjects, type CheckOutcome } from '../check-outcome';
import { withCde } from './cde';

/**
 * PCI DSS v4.0.1 1.4.1: "NSCs are implemented between trusted and untrusted networks." A CDE
 * pod not isolated in a direction has no network security control in it (an unisolated
 * direction allows everything), so every CDE workload must be isolated for ingress and egress.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
 */
export function pciUntrustedNsc(ctx: CheckContext): CheckOutcome {
  return withCde(ctx, (cde) => {
    const failures: Evidence[] = [];
    for (const workload of cde) {
      const pods = ctx.workloads.get(workload) ?? [];
      const notIsolated = (['ingress', 'egress'] as const).filter((d) =>
        pods.some((p) => !ctx.isolated(p, d)),
      );
      if (notIsolated.length > 0)
        failures.push({ namespace: pods[0]?.namespace, workload, notIsolated });
    }
    return fromSubjects(cde.size, failures, [{ cdeWorkloads: [...cde] }]);
  });
}
