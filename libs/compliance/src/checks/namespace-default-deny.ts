import { isMatchAll, type Direction } from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import { policyName, type CheckContext } from './check-context';
import { fromSubjects, notApplicable, type Check, type CheckOutcome } from './check-outcome';

/**
 * NSA/CISA Kubernetes Hardening Guidance v1.2 ("Network policies": "create a default policy
 * that selects all pods and denies all traffic"): every namespace has a policy with
 * `podSelector: {}` isolating `direction`, and no such policy re-opens the direction with a
 * rule that admits every peer on every port (which would make it allow-all, not deny-all).
 * Other policies may then allow specific traffic. Subjects are namespaces (none exempt: waive
 * system namespaces explicitly).
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
 */
export function namespaceDefaultDeny(direction: Direction): Check {
  return (ctx: CheckContext): CheckOutcome => {
    const namespaces = ctx.namespaces;
    if (namespaces.length === 0) return notApplicable('no namespace in the inventory');
    const failures: Evidence[] = [];
    const details: Evidence[] = [];
    for (const namespace of namespaces) {
      const selectingAll = ctx.inventory.policies.filter(
        (p) => p.namespace === namespace && isMatchAll(p.podSelector) && p.isolates[direction],
      );
      const allowAll = selectingAll.filter((p) =>
        p[direction].some((r) => r.peers === undefined && r.ports.length === 0),
      );
      if (selectingAll.length > 0 && allowAll.length === 0) {
        details.push({ namespace, direction, defaultDeny: selectingAll.map(policyName) });
        continue;
      }
      failures.push({
        namespace,
        direction,
        reason:
          selectingAll.length === 0
            ? `no policy with podSelector {} isolates ${direction}`
            : `podSelector {} polic${allowAll.length === 1 ? 'y' : 'ies'} allow every peer on every port`,
        ...(allowAll.length > 0
          ? {
              allowAll: allowAll.map((p) => ({
                policy: policyName(p),
                rules: p[direction]
                  .filter((r) => r.peers === undefined && r.ports.length === 0)
                  .map((r) => r.index),
              })),
            }
          : {}),
      });
    }
    return fromSubjects(namespaces.length, failures, details);
  };
}
