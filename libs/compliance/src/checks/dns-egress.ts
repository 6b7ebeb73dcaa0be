import {
  DNS_PORTS,
  externalName,
  type ConnectionSet,
  workloadName,
  type Endpoint,
  type Pod,
} from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import type { CheckContext } from './check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from './check-outcome';
import { otherThan, shapeGroups } from './pod-shapes';

export const DNS_SELECTOR_TEXT = 'k8s-app=kube-dns in namespace kube-system';

/** The cluster DNS pods: `k8s-app=kube-dns` in `kube-system` (CoreDNS and kube-dns keep the label). */
export function isDnsPod(pod: Pod): boolean {
  return pod.namespace === 'kube-system' && pod.labels['k8s-app'] === 'kube-dns';
}

interface DnsFindings {
  unreachableDns: Map<string, { dst: string; missing: string; allowed: string }>;
  otherPort53: Map<string, { dst: string; conn: string }>;
}

/**
 * ZT-3: every workload whose egress is default deny (NetworkPolicy isolation or a catch-all
 * cluster-policy Deny, as ZT-2 counts; DNS pods excepted: forwarding upstream is their job)
 * reaches every DNS pod on UDP 53 and TCP 53 — egress at the workload AND ingress at the DNS
 * pod, through every tier, as the model decides — and reaches nothing else on TCP/UDP 53
 * (another pod, an external address: a way around the cluster resolver). Not applicable when no
 * pod is default deny for egress (the others reach DNS by default; ZT-2 reports them). Without DNS pods in the inventory it cannot be verified:
 * every subject fails with that reason.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic
 */
export function dnsEgress(ctx: CheckContext): CheckOutcome {
  const options = ctx.compiled.options;
  const isolated = ctx.inventory.pods.filter((p) => !isDnsPod(p) && ctx.isDefaultDeny(p, 'egress'));
  if (isolated.length === 0)
    return notApplicable('no pod (DNS pods excepted) is isolated for egress');
  const dnsGroups = shapeGroups(ctx.inventory.pods.filter(isDnsPod), options, ctx.inventory);
  const otherGroups = shapeGroups(
    ctx.inventory.pods.filter((p) => !isDnsPod(p)),
    options,
    ctx.inventory,
  );
  const model = ctx.model;
  const byWorkload = new Map<string, DnsFindings>();
  for (const group of shapeGroups(isolated, options, ctx.inventory, 'source')) {
    const self = group[0] as Pod;
    const src: Endpoint = { kind: 'pod', pod: self };
    const name = workloadName(self.workload);
    const found = byWorkload.get(name) ?? { unreachableDns: new Map(), otherPort53: new Map() };
    byWorkload.set(name, found);
    for (const dns of dnsGroups) {
      const dst = workloadName((dns[0] as Pod).workload);
      const conn = model.connections(src, { kind: 'pod', pod: dns[0] as Pod }).intersect(DNS_PORTS);
      const missing = DNS_PORTS.subtract(conn);
      if (!missing.isEmpty)
        found.unreachableDns.set(dst, {
          dst,
          missing: missing.toString(),
          allowed: describe(conn),
        });
    }
    for (const other of otherGroups) {
      const peer = otherThan(other, self);
      if (!peer) continue;
      const conn = model.connections(src, { kind: 'pod', pod: peer }).intersect(DNS_PORTS);
      const dst = workloadName(peer.workload);
      if (!conn.isEmpty) found.otherPort53.set(dst, { dst, conn: conn.toString() });
    }
    for (const atom of model.ipAtoms) {
      const conn = model
        .connections(src, { kind: 'external', ip: { family: atom.family, value: atom.first } })
        .intersect(DNS_PORTS);
      const dst = externalName(atom);
      if (!conn.isEmpty) found.otherPort53.set(dst, { dst, conn: conn.toString() });
    }
  }
  const failures: Evidence[] = [];
  const noDns = dnsGroups.length === 0;
  for (const [workload, f] of [...byWorkload.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!noDns && f.unreachableDns.size === 0 && f.otherPort53.size === 0) continue;
    failures.push({
      namespace: ctx.workloads.get(workload)?.[0]?.namespace,
      workload,
      ...(noDns
        ? {
            reason: `no DNS pod (${DNS_SELECTOR_TEXT}) in the inventory: DNS egress cannot be verified`,
          }
        : {}),
      unreachableDns: [...f.unreachableDns.values()],
      otherPort53: [...f.otherPort53.values()],
    });
  }
  const details: Evidence[] = [
    {
      dnsPods: [...new Set(dnsGroups.map((g) => workloadName((g[0] as Pod).workload)))],
      egressIsolatedWorkloads: byWorkload.size,
    },
  ];
  return fromSubjects(byWorkload.size, failures, details);
}

function describe(conn: ConnectionSet): string {
  return conn.isEmpty ? 'nothing on port 53' : conn.toString();
}
