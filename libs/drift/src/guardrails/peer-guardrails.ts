import { IpSet } from '@fenceline/netpol';
import type { Guardrail } from '../baseline/baseline-content';
import { driftFinding, type DriftFinding } from '../findings/drift-finding';
import { allowedBetween } from './allowed-pairs';
import { compilePeer, portSpecConnections } from './guardrail-peer';
import { missingBetween } from './required-pairs';
import type { ScanContext } from './scan-context';

type PeerGuardrail = Extract<Guardrail, { type: 'deny' | 'allow' }>;

/**
 * `deny`: no connection on `ports` from a `from` pod or address to a `to` pod or address may be
 * allowed (egress at the source and ingress at the destination). One critical finding listing
 * every allowed connection, per workload or external range.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 */
export function checkDeny(
  ctx: ScanContext,
  guardrail: PeerGuardrail,
  path: string,
): DriftFinding[] {
  const from = compilePeer(guardrail.from, ctx, `${path}.from`);
  const to = compilePeer(guardrail.to, ctx, `${path}.to`);
  const ports = portSpecConnections(guardrail.ports);
  const rows = allowedBetween(
    ctx,
    { pod: from.pod, external: (range) => from.addresses.intersect(IpSet.fromRange(range)) },
    { pod: to.pod, external: (range) => to.addresses.intersect(IpSet.fromRange(range)) },
    ports,
  );
  if (rows.length === 0) return [];
  return [
    driftFinding(
      'guardrail-violated',
      'critical',
      `guardrail ${guardrail.name}`,
      {
        guardrail: guardrail.name,
        type: guardrail.type,
        ports: ports.toString(),
        allowed: rows.map((r) => ({ src: r.src, dst: r.dst, conn: r.conn.toString() })),
      },
      guardrail.name,
    ),
  ];
}

/**
 * `allow`: every (from pod, to pod) pair — pods `p ≠ q` — and every pod/address pair of a CIDR
 * end must be allowed all of `ports`. One high finding listing what is missing per workload
 * pair or external range; also when an end selects nothing (a renamed workload or a typo must
 * not pass silently).
 */
export function checkAllow(
  ctx: ScanContext,
  guardrail: PeerGuardrail,
  path: string,
): DriftFinding[] {
  const from = compilePeer(guardrail.from, ctx, `${path}.from`);
  const to = compilePeer(guardrail.to, ctx, `${path}.to`);
  const required = portSpecConnections(guardrail.ports);
  const pods = ctx.inventory.pods;
  const fromEnd = { pods: pods.filter(from.pod), addresses: from.addresses };
  const toEnd = { pods: pods.filter(to.pod), addresses: to.addresses };
  const base = { guardrail: guardrail.name, type: guardrail.type, ports: required.toString() };
  const empty = [
    fromEnd.pods.length + fromEnd.addresses.ranges.length === 0 ? 'from' : '',
    toEnd.pods.length + toEnd.addresses.ranges.length === 0 ? 'to' : '',
  ].filter(Boolean);
  if (empty.length > 0) {
    return [
      driftFinding(
        'guardrail-violated',
        'high',
        `guardrail ${guardrail.name}`,
        { ...base, reason: `${empty.join(' and ')} select${empty.length === 1 ? 's' : ''} no pod` },
        guardrail.name,
      ),
    ];
  }
  const rows = missingBetween(ctx, fromEnd, toEnd, required);
  if (rows.length === 0) return [];
  return [
    driftFinding(
      'guardrail-violated',
      'high',
      `guardrail ${guardrail.name}`,
      {
        ...base,
        missing: rows.map((r) => ({
          src: r.src,
          dst: r.dst,
          missing: r.missing.toString(),
          allowed: r.allowed.toString(),
        })),
      },
      guardrail.name,
    ),
  ];
}
