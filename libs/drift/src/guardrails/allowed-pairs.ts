import {
  ConnectionSet,
  INGRESS_CONTROLLER_PEER,
  IpSet,
  type IpRange,
  type Pod,
} from '@fenceline/netpol';
import { externalNames, parseExternalName } from '../connectivity/external-range';
import { hasPodPair, shapeConnections, shapesOf } from './pod-shapes';
import type { ScanContext } from './scan-context';

/** Which pods and external addresses one end of a check selects. */
export interface EndTest {
  pod(pod: Pod): boolean;
  /** The addresses of `range` that are selected. */
  external(range: IpRange): IpSet;
}

/** An allowed connection between selected ends, per workload or external range. */
export interface PairRow {
  readonly src: string;
  readonly dst: string;
  readonly conn: ConnectionSet;
}

/**
 * Every connection on `ports` the cluster allows from a `from` end to a `to` end, exactly:
 * the model's workload rows give the candidates (a row is the union over the pod pairs of two
 * workloads), and a row whose workloads are only partly selected is recomputed over the
 * selected pods' shapes. Pairs inside one workload (replicas, and a template's replicas) are
 * checked too. Rows from the ingress controller are not about any selected pod and are skipped.
 *
 * @example allowedBetween(ctx, devPods, prodPods, ConnectionSet.ALL)
 */
export function allowedBetween(
  ctx: ScanContext,
  from: EndTest,
  to: EndTest,
  ports: ConnectionSet,
): PairRow[] {
  const out: PairRow[] = [];
  // A million rows name a few thousand peers: select each workload and parse each name once.
  const fromPods = selection(ctx, from);
  const toPods = selection(ctx, to);
  const ranges = new Map<string, IpRange | undefined>();
  const rangeOf = (name: string): IpRange | undefined => {
    if (!ranges.has(name)) ranges.set(name, parseExternalName(name));
    return ranges.get(name);
  };
  const within = (conn: ConnectionSet): ConnectionSet =>
    ports.isAll ? conn : conn.intersect(ports);
  for (const row of ctx.model.connlist()) {
    if (row.src === INGRESS_CONTROLLER_PEER) continue;
    const srcRange = rangeOf(row.src);
    const dstRange = srcRange ? undefined : rangeOf(row.dst);
    if (srcRange || dstRange) {
      const range = (srcRange ?? dstRange) as IpRange;
      const selected = srcRange ? toPods(row.dst) : fromPods(row.src);
      if (selected.pods.length === 0) continue;
      const addresses = srcRange ? from.external(range) : to.external(range);
      const base = within(row.conn);
      if (addresses.isEmpty || base.isEmpty) continue;
      // Every address of a row's range is treated alike by every policy: one stands for all.
      const address = {
        kind: 'external' as const,
        ip: { family: range.family, value: (addresses.ranges[0] as IpRange).first },
      };
      const conn = selected.all
        ? base
        : within(
            shapesOf(selected.pods, ctx.addressMatters).reduce((acc, shape) => {
              const pod = { kind: 'pod' as const, pod: shape.pods[0] as Pod };
              return acc.union(
                srcRange
                  ? ctx.model.connections(address, pod)
                  : ctx.model.connections(pod, address),
              );
            }, ConnectionSet.NONE),
          );
      if (conn.isEmpty) continue;
      for (const name of externalNames(addresses))
        out.push(srcRange ? { src: name, dst: row.dst, conn } : { src: row.src, dst: name, conn });
      continue;
    }
    const src = fromPods(row.src);
    const dst = src.pods.length === 0 ? src : toPods(row.dst);
    if (src.pods.length === 0 || dst.pods.length === 0) continue;
    const base = within(row.conn);
    if (base.isEmpty) continue;
    const conn =
      src.all && dst.all ? base : within(podsConnections(ctx, src.pods, dst.pods, false));
    if (!conn.isEmpty) out.push({ src: row.src, dst: row.dst, conn });
  }
  for (const [name] of ctx.index.workloads()) {
    const src = fromPods(name);
    const dst = toPods(name);
    if (src.pods.length === 0 || dst.pods.length === 0) continue;
    const conn = within(podsConnections(ctx, src.pods, dst.pods, true));
    if (!conn.isEmpty) out.push({ src: name, dst: name, conn });
  }
  return out;
}

/** The pods of a workload an end selects, and whether that is all of them (memoised). */
function selection(
  ctx: ScanContext,
  test: EndTest,
): (workload: string) => { readonly all: boolean; readonly pods: readonly Pod[] } {
  const cache = new Map<string, { all: boolean; pods: readonly Pod[] }>();
  return (workload) => {
    let hit = cache.get(workload);
    if (!hit) {
      const all = ctx.index.podsOf(workload);
      const pods = all.filter((p) => test.pod(p));
      cache.set(workload, (hit = { all: pods.length === all.length, pods }));
    }
    return hit;
  };
}

/** Union of what the model allows over every pod pair (shape pair) of the two lists. */
function podsConnections(
  ctx: ScanContext,
  src: readonly Pod[],
  dst: readonly Pod[],
  templateSelf: boolean,
): ConnectionSet {
  let conn = ConnectionSet.NONE;
  const dstShapes = shapesOf(dst, ctx.addressMatters);
  for (const s of shapesOf(src, ctx.addressMatters)) {
    for (const d of dstShapes) {
      if (hasPodPair(s, d, templateSelf)) conn = conn.union(shapeConnections(ctx.model, s, d));
    }
  }
  return conn;
}
