import { INGRESS_CONTROLLER_PEER } from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import type { CheckContext } from './check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from './check-outcome';
import { clusterAcceptsOf } from './row-endpoints';

const EXTERNAL = '[External]';

/**
 * ZT-6: no workload exchanges traffic with addresses outside the cluster. From the model's
 * connectivity rows: `…[External] => workload` (ingress from an external range), `workload =>
 * …[External]` (egress to one) and `{ingress-controller} => workload` (reachable from outside
 * through an Ingress or Route). "External" is every address that is not a pod's, private
 * ranges included. The rows come from the tier-aware model. Subjects are workloads; evidence
 * lists every such row with its connections, and the cluster-policy Accept rules that expose it
 * (`acceptedBy`) when a cluster policy does.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#IPBlock
 */
export function internetExposure(ctx: CheckContext): CheckOutcome {
  if (ctx.workloads.size === 0) return notApplicable('no pods in the inventory');
  const exposure = new Map<string, { ingressFrom: Evidence[]; egressTo: Evidence[] }>();
  const entry = (workload: string) => {
    let e = exposure.get(workload);
    if (!e) exposure.set(workload, (e = { ingressFrom: [], egressTo: [] }));
    return e;
  };
  const by = (row: (typeof ctx.rows)[number]) => {
    const rules = clusterAcceptsOf(ctx, row);
    return rules.length > 0 ? { acceptedBy: rules } : {};
  };
  for (const row of ctx.rows) {
    const conn = row.conn.toString();
    if (
      (row.src.endsWith(EXTERNAL) || row.src === INGRESS_CONTROLLER_PEER) &&
      ctx.workloads.has(row.dst)
    ) {
      entry(row.dst).ingressFrom.push({ peer: row.src, conn, ...by(row) });
    } else if (row.dst.endsWith(EXTERNAL) && ctx.workloads.has(row.src)) {
      entry(row.src).egressTo.push({ peer: row.dst, conn, ...by(row) });
    }
  }
  const failures = [...exposure.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([workload, e]) => ({
      namespace: ctx.workloads.get(workload)?.[0]?.namespace,
      workload,
      ...e,
    }));
  return fromSubjects(ctx.workloads.size, failures, [{ workloads: ctx.workloads.size }]);
}
