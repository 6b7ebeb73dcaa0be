import type { CheckContext } from './check-context';
import { notApplicable, type CheckOutcome } from './check-outcome';

/**
 * ZT-10: the CNI plugin enforces NetworkPolicy. Without an enforcing network plugin, creating a
 * NetworkPolicy "will have no effect": every result of the other controls describes intent, not
 * the network. Fails when the CNI is known not to enforce; cannot tell (not applicable) when the
 * CNI or its enforcement is unknown.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#prerequisites
 */
export function cniEnforcement(ctx: CheckContext): CheckOutcome {
  const cni = ctx.compiled.source.cni;
  if (!cni)
    return notApplicable('cannot tell: no CNI information given (a cluster snapshot records it)');
  if (cni.enforcesNetworkPolicy === null) {
    return notApplicable(`cannot tell whether the CNI (${cni.name}) enforces NetworkPolicy`, {
      cni: cni.name,
    });
  }
  if (cni.enforcesNetworkPolicy) {
    return {
      status: 'pass',
      score: 1,
      failures: [],
      details: [{ cni: cni.name, enforcesNetworkPolicy: true }],
    };
  }
  return {
    status: 'fail',
    score: 0,
    failures: [
      {
        cni: cni.name,
        enforcesNetworkPolicy: false,
        reason: 'the CNI does not enforce NetworkPolicy: no policy has any effect',
      },
    ],
    details: [],
  };
}
