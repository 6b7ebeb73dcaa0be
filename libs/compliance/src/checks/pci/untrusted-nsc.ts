import type { Evidence } from '../../framework/types';
import type { CheckContext } from '../check-context';
import { fromSubjects, type CheckOutcome } from '../check-outcome';
import { defaultDenyNames } from '../tier-evidence';
import { withCde } from './cde';

/**
 * PCI DSS v4.0.1 1.4.1: "NSCs are implemented between trusted and untrusted networks." A CDE
 * pod whose direction is not default deny has no network security control in it (it allows
 * everything no rule names), so every CDE workload must be default deny for ingress and egress:
 * isolated by a NetworkPolicy, or under a catch-all cluster-policy Deny (as ZT-1/ZT-2 count).
 * Evidence names what gives default deny per workload and direction.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
 */
export function pciUntrustedNsc(ctx: CheckContext): CheckOutcome {
  return withCde(ctx, (cde) => {
    const failures: Evidence[] = [];
    const defaultDenyBy: Evidence[] = [];
    for (const workload of cde) {
      const pods = ctx.workloads.get(workload) ?? [];
      const by = { ingress: new Set<string>(), egress: new Set<string>() };
      const notIsolated = (['ingress', 'egress'] as const).filter((d) => {
        let open = false;
        for (const pod of pods) {
          const source = ctx.defaultDeny(pod, d);
          if (!source) open = true;
          for (const name of defaultDenyNames(source, d)) by[d].add(name);
        }
        return open;
      });
      const names = { ingress: [...by.ingress].sort(), egress: [...by.egress].sort() };
      defaultDenyBy.push({ workload, ...names });
      if (notIsolated.length > 0)
        failures.push({
          namespace: pods[0]?.namespace,
          workload,
          notIsolated,
          defaultDenyBy: names,
        });
    }
    return fromSubjects(cde.size, failures, [{ cdeWorkloads: [...cde], defaultDenyBy }]);
  });
}
