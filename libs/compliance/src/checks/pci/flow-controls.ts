import type { Evidence } from '../../framework/types';
import type { CheckContext } from '../check-context';
import { fromSubjects, type CheckOutcome } from '../check-outcome';
import { cdeFlows, flowEvidence, withCde, type CdeFlow } from './cde';

/**
 * A CDE control over flows crossing the CDE boundary: subjects are the flows `which` keeps;
 * failures the ones with connections no declared flow (`cdeAllowed`) covers; details every
 * kept flow that is fully declared.
 */
function flowControl(which: (f: CdeFlow) => boolean, noFlows: string) {
  return (ctx: CheckContext): CheckOutcome =>
    withCde(ctx, (cde) => {
      const flows = cdeFlows(ctx, cde).filter(which);
      const failures = flows.filter((f) => !f.undeclared.isEmpty).map((f) => flowEvidence(f, ctx));
      const declared: Evidence[] = flows
        .filter((f) => f.undeclared.isEmpty)
        .map((f) => flowEvidence(f, ctx));
      const details =
        flows.length === 0
          ? [{ reason: noFlows, cdeWorkloads: [...cde] }]
          : [{ cdeWorkloads: [...cde] }, ...declared];
      return fromSubjects(flows.length, failures, details);
    });
}

/**
 * PCI DSS v4.0.1 1.2.5: "All services, protocols, and ports allowed are identified, approved,
 * and have a defined business need." Documents every flow into and out of the CDE (details);
 * fails only for flows, or parts of them, that `cdeAllowed` does not declare.
 */
export const pciFlowsIdentified = flowControl(() => true, 'no connection crosses the CDE boundary');

/**
 * PCI DSS v4.0.1 1.3.1: "Inbound traffic to the CDE is restricted to only traffic that is
 * necessary; all other traffic is specifically denied." Every connection into a CDE workload
 * from outside the CDE (workloads, external ranges, the ingress controller) must be declared in
 * `cdeAllowed.inbound`.
 */
export const pciCdeInbound = flowControl(
  (f) => f.direction === 'inbound',
  'nothing outside the CDE can connect into it',
);

/**
 * PCI DSS v4.0.1 1.3.2: "Outbound traffic from the CDE is restricted to only traffic that is
 * necessary; all other traffic is specifically denied." Every connection from a CDE workload to
 * outside the CDE must be declared in `cdeAllowed.outbound`.
 */
export const pciCdeOutbound = flowControl(
  (f) => f.direction === 'outbound',
  'the CDE cannot connect to anything outside it',
);

/**
 * PCI DSS v4.0.1 1.4.2: "Inbound traffic from untrusted networks to trusted networks is
 * restricted to … system components that are authorized to provide publicly accessible
 * services". Untrusted = addresses outside the cluster and the ingress controller (the
 * internet through an Ingress/Route); each such flow into the CDE must be declared.
 */
export const pciUntrustedInbound = flowControl(
  (f) => f.direction === 'inbound' && f.peerKind !== 'workload',
  'the CDE is not reachable from outside the cluster',
);

/**
 * PCI DSS v4.0.1 11.4.5: segmentation controls isolate the CDE from other networks. Lists the
 * workloads outside the CDE that can reach it; passes when every such connection is declared
 * in `cdeAllowed.inbound`.
 */
export const pciSegmentation = flowControl(
  (f) => f.direction === 'inbound' && f.peerKind === 'workload',
  'no workload outside the CDE can reach it',
);
