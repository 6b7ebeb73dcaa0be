import type { CheckContext } from '../check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from '../check-outcome';
import { adminOverrides, hasAdminAcceptIngress, overrideEvidence } from '../admin-overrides';
import { withCde } from './cde';

/**
 * PCI DSS v4.0.1 1.3.1 ("Inbound traffic to the CDE is restricted to only traffic that is
 * necessary; all other traffic is specifically denied"), as enforced: a cluster administrator's
 * Admin-tier `Accept` (`Allow`) rule is evaluated before the CDE's own NetworkPolicies and
 * silently undoes their denial. Fails for every rule and CDE workload with connections from
 * outside the CDE that the workload's NetworkPolicies isolate and do not admit but the Admin
 * rule accepts, open end to end. Declaring such a flow in `cdeAllowed` does not clear it: the
 * CDE's own controls should admit what is necessary (or a waiver records the exception).
 * Subjects are CDE workloads; not applicable without a CDE or without an Admin-tier `Accept`
 * ingress rule.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 */
export function pciAdminAcceptIntoCde(ctx: CheckContext): CheckOutcome {
  return withCde(ctx, (cde) => {
    if (!hasAdminAcceptIngress(ctx))
      return notApplicable('no Admin-tier Accept ingress rule', { cdeWorkloads: [...cde] });
    const overrides = adminOverrides(ctx, {
      destination: (w) => cde.has(w),
      source: (w) => !cde.has(w),
    });
    const failures = overrides.map((o) => overrideEvidence(o));
    const failing = new Set(overrides.map((o) => o.workload)).size;
    return fromSubjects(cde.size, failures, [{ cdeWorkloads: [...cde] }], failing);
  });
}
