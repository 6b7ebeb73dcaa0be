import type { Evidence } from '../framework/types';
import type { CheckContext } from './check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from './check-outcome';
import { adminOverrides, hasAdminAcceptIngress, overrideEvidence } from './admin-overrides';
import { cdeWorkloads } from './pci/cde';

/**
 * ZT-11: no Admin-tier `Accept` (`Allow`) rule opens what a namespace's NetworkPolicies deny. A
 * failure is a rule and a destination workload: connections into pods their NetworkPolicies
 * isolate and do not admit, accepted by an Admin-tier rule before the NetworkPolicy tier is
 * reached, and open end to end ({@link adminOverrides}). Every namespace counts; each failure
 * carries `severity`: `critical` when the destination is in the declared CDE, else `high`.
 * Subjects are the workloads NetworkPolicies isolate for ingress; not applicable without an
 * Admin-tier `Accept` ingress rule, or without such workloads.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 */
export function adminAcceptOverrides(ctx: CheckContext): CheckOutcome {
  if (!hasAdminAcceptIngress(ctx)) return notApplicable('no Admin-tier Accept ingress rule');
  const guarded = [...ctx.workloads.entries()]
    .filter(([, pods]) => pods.some((p) => ctx.isolatingPolicies(p, 'ingress').length > 0))
    .map(([w]) => w);
  if (guarded.length === 0)
    return notApplicable('no NetworkPolicy isolates a pod for ingress: nothing to override');
  const cde = cdeWorkloads(ctx);
  const overrides = adminOverrides(ctx, { destination: () => true, source: () => true });
  const failures: Evidence[] = overrides.map((o) => {
    const inCde = cde?.has(o.workload) === true;
    return overrideEvidence(o, {
      severity: inCde ? 'critical' : 'high',
      ...(inCde ? { cde: true } : {}),
    });
  });
  const failing = new Set(overrides.map((o) => o.workload)).size;
  return fromSubjects(guarded.length, failures, [{ isolatedWorkloads: guarded.length }], failing);
}
