import {
  externalAtoms,
  externalName,
  inventoryCidrRanges,
  type ConnectionSet,
  type Endpoint,
  type IpSet,
  type Pod,
  workloadName,
} from '@fenceline/netpol';
import { shapeConnections, shapesOf, workloadPairs, type PodShape } from './pod-shapes';
import type { ScanContext } from './scan-context';

/** A pair that lacks some required connection: what is missing and what is allowed. */
export interface MissingRow {
  readonly src: string;
  readonly dst: string;
  readonly missing: ConnectionSet;
  readonly allowed: ConnectionSet;
}

/** One end of a requirement: pods and/or external addresses. */
export interface RequiredEnd {
  readonly pods: readonly Pod[];
  readonly addresses: IpSet;
}

/**
 * Every pair of a `from` end and a `to` end (pods `p ≠ q`, or a pod and an external address)
 * that is not allowed all of `required`, per workload pair or external range. Pods are
 * queried per shape; addresses per range that the cluster's policies treat alike.
 *
 * @example missingBetween(ctx, { pods: web, addresses: IpSet.EMPTY }, { pods: db, addresses: IpSet.EMPTY }, tcp5432)
 */
export function missingBetween(
  ctx: ScanContext,
  from: RequiredEnd,
  to: RequiredEnd,
  required: ConnectionSet,
): MissingRow[] {
  const rows = new Map<string, MissingRow>();
  const record = (src: string, dst: string, allowed: ConnectionSet): void => {
    const missing = required.subtract(allowed);
    if (missing.isEmpty) return;
    const key = `${src}\u0000${dst}`;
    const previous = rows.get(key);
    rows.set(
      key,
      previous
        ? {
            src,
            dst,
            missing: previous.missing.union(missing),
            allowed: previous.allowed.intersect(allowed),
          }
        : { src, dst, missing, allowed },
    );
  };
  const fromShapes = shapesOf(from.pods, ctx.addressMatters);
  const toShapes = shapesOf(to.pods, ctx.addressMatters);
  for (const s of fromShapes) {
    for (const d of toShapes) {
      const pairs = workloadPairs(s, d);
      if (pairs.length === 0) continue;
      const allowed = shapeConnections(ctx.model, s, d);
      for (const [src, dst] of pairs) record(src, dst, allowed);
    }
  }
  for (const atom of atomsOf(ctx, to.addresses)) {
    const address: Endpoint = { kind: 'external', ip: { family: atom.family, value: atom.first } };
    for (const s of fromShapes) {
      const allowed = ctx.model.connections(endpoint(s), address);
      for (const src of workloadsOf(s)) record(src, externalName(atom), allowed);
    }
  }
  for (const atom of atomsOf(ctx, from.addresses)) {
    const address: Endpoint = { kind: 'external', ip: { family: atom.family, value: atom.first } };
    for (const d of toShapes) {
      const allowed = ctx.model.connections(address, endpoint(d));
      for (const dst of workloadsOf(d)) record(externalName(atom), dst, allowed);
    }
  }
  return [...rows.values()];
}

function workloadsOf(shape: PodShape): string[] {
  return [...new Set(shape.pods.map((p) => workloadName(p.workload)))];
}

function endpoint(shape: PodShape): Endpoint {
  return { kind: 'pod', pod: shape.pods[0] as Pod };
}

/**
 * The addresses of `set` cut at every CIDR of the cluster's policies: within one piece, every
 * address is treated alike, so one address answers for the piece.
 */
function atomsOf(ctx: ScanContext, set: IpSet): ReturnType<typeof externalAtoms> {
  if (set.isEmpty) return [];
  return externalAtoms([...inventoryCidrRanges(ctx.inventory), ...set.ranges]).filter((atom) =>
    set.contains(atom.family, atom.first),
  );
}
