import {
  externalName,
  INGRESS_CONTROLLER_PEER,
  IpSet,
  ConnectionSet,
  type IpRange,
} from '@fenceline/netpol';
import type { CompiledFlow, PodMatcher } from '../../context/compile-context';
import type { Evidence } from '../../framework/types';
import type { CheckContext } from '../check-context';
import type { CheckOutcome } from '../check-outcome';
import { clusterAcceptsOf, parseExternalName } from '../row-endpoints';

/** One connectivity row crossing the CDE boundary, split where declared flows differ. */
export interface CdeFlow {
  readonly direction: 'inbound' | 'outbound';
  readonly src: string;
  readonly dst: string;
  /** The CDE workload of the flow (destination when inbound, source when outbound). */
  readonly cdeWorkload: string;
  /** The peer outside the CDE: a workload, an external range, or the ingress controller. */
  readonly peerKind: 'workload' | 'external' | 'ingress-controller';
  readonly conn: ConnectionSet;
  readonly declared: ConnectionSet;
  readonly undeclared: ConnectionSet;
  /** Indexes of the declared flows (`cdeAllowed.inbound[i]` / `outbound[i]`) that cover part of it. */
  readonly declaredBy: readonly number[];
  /** Cluster-policy Accept rules deciding part of the row (`cnp/x ingress rule 0`); usually empty. */
  readonly acceptedBy: readonly string[];
}

/**
 * The workloads of the CDE: those with a pod matching the `cde` selectors (a workload is
 * in-scope as a whole, PCI DSS "system components" being the workload). `undefined` when no
 * CDE is declared.
 */
export function cdeWorkloads(ctx: CheckContext): Set<string> | undefined {
  const cde = ctx.compiled.cde;
  if (!cde) return undefined;
  const inside = new Set<string>();
  for (const [workload, pods] of ctx.workloads)
    if (pods.some((p) => ctx.matches(cde, p))) inside.add(workload);
  return inside;
}

/**
 * Runs a CDE control: not applicable without a declared CDE ("no CDE declared"); fails when the
 * declared CDE selects no pod (a mistyped selector must not read as a clean segmentation).
 */
export function withCde(ctx: CheckContext, run: (cde: Set<string>) => CheckOutcome): CheckOutcome {
  const cde = cdeWorkloads(ctx);
  if (!cde)
    return {
      status: 'not-applicable',
      score: 1,
      failures: [],
      details: [{ reason: 'no CDE declared' }],
    };
  if (cde.size === 0) {
    return {
      status: 'fail',
      score: 0,
      failures: [
        {
          reason: 'the declared CDE selects no pod: its segmentation cannot be evaluated',
          cde: ctx.compiled.source.cde,
        },
      ],
      details: [],
    };
  }
  return run(cde);
}

/** Every flow into (src outside, dst inside) and out of the CDE, with what is declared of it. */
export function cdeFlows(ctx: CheckContext, cde: ReadonlySet<string>): CdeFlow[] {
  // Five controls read the same flows: computed once per evaluation (the CDE is fixed).
  return ctx.memo('cde-flows', () => computeFlows(ctx, cde));
}

function computeFlows(ctx: CheckContext, cde: ReadonlySet<string>): CdeFlow[] {
  const flows: CdeFlow[] = [];
  for (const row of ctx.rows) {
    const srcIn = cde.has(row.src);
    const dstIn = cde.has(row.dst);
    if (srcIn === dstIn) continue;
    const direction = dstIn ? 'inbound' : 'outbound';
    const peer = dstIn ? row.src : row.dst;
    const specs = dstIn ? ctx.compiled.inbound : ctx.compiled.outbound;
    const base = {
      direction,
      cdeWorkload: dstIn ? row.dst : row.src,
      acceptedBy: clusterAcceptsOf(ctx, row),
    } as const;
    if (peer === INGRESS_CONTROLLER_PEER) {
      flows.push(
        flow(
          base,
          row.src,
          row.dst,
          'ingress-controller',
          row.conn,
          specs.filter((s) => s.ingressController),
        ),
      );
    } else if (ctx.workloads.has(peer)) {
      const pods = ctx.workloads.get(peer) ?? [];
      const matching = specs.filter(
        (s) => s.pods !== undefined && pods.every((p) => ctx.matches(s.pods as PodMatcher, p)),
      );
      flows.push(flow(base, row.src, row.dst, 'workload', row.conn, matching));
    } else {
      for (const piece of splitExternal(peer, specs)) {
        const name = externalName(piece.range);
        const [src, dst] = dstIn ? [name, row.dst] : [row.src, name];
        flows.push(flow(base, src, dst, 'external', row.conn, piece.specs));
      }
    }
  }
  return flows;
}

function flow(
  base: {
    direction: 'inbound' | 'outbound';
    cdeWorkload: string;
    acceptedBy: readonly string[];
  },
  src: string,
  dst: string,
  peerKind: CdeFlow['peerKind'],
  conn: ConnectionSet,
  specs: readonly CompiledFlow[],
): CdeFlow {
  const declared = specs.reduce((acc, s) => acc.union(s.conn.intersect(conn)), ConnectionSet.NONE);
  return {
    ...base,
    src,
    dst,
    peerKind,
    conn,
    declared,
    undeclared: conn.subtract(declared),
    declaredBy: specs.map((s) => s.index),
  };
}

/**
 * Splits an external range of a row (`a.b.c.d-e.f.g.h[External]`) at the boundaries of the
 * declared CIDRs, so that each piece lies wholly inside or outside every declared flow. The
 * policies treat every address of the row alike, so each piece has the row's connections.
 */
function splitExternal(
  name: string,
  specs: readonly CompiledFlow[],
): { range: IpRange; specs: CompiledFlow[] }[] {
  const range = parseExternalName(name);
  // The model names only workloads, external ranges and the ingress controller.
  if (!range) throw new Error(`unexpected connectivity peer ${name}`);
  let pieces: IpRange[] = [range];
  for (const spec of specs) {
    if (!spec.addresses) continue;
    for (const cut of spec.addresses.ranges) {
      pieces = pieces.flatMap((p) => {
        const inside = IpSet.fromRange(p).intersect(IpSet.fromRange(cut));
        return inside.isEmpty
          ? [p]
          : [...inside.ranges, ...IpSet.fromRange(p).subtract(IpSet.fromRange(cut)).ranges];
      });
    }
  }
  pieces.sort((a, b) => (a.family !== b.family ? a.family - b.family : a.first < b.first ? -1 : 1));
  return pieces.map((piece) => ({
    range: piece,
    specs: specs.filter((s) => s.addresses?.contains(piece.family, piece.first) ?? false),
  }));
}

/** A flow as evidence, naming the CDE workload's namespace so waivers can scope it. */
export function flowEvidence(f: CdeFlow, ctx: CheckContext): Evidence {
  return {
    namespace: ctx.workloads.get(f.cdeWorkload)?.[0]?.namespace,
    workload: f.cdeWorkload,
    direction: f.direction,
    src: f.src,
    dst: f.dst,
    conn: f.conn.toString(),
    declared: f.declared.isEmpty ? 'No Connections' : f.declared.toString(),
    undeclared: f.undeclared.isEmpty ? 'No Connections' : f.undeclared.toString(),
    ...(f.declaredBy.length > 0
      ? { declaredBy: f.declaredBy.map((i) => `cdeAllowed.${f.direction}[${i}]`) }
      : {}),
    ...(f.acceptedBy.length > 0 ? { acceptedBy: f.acceptedBy } : {}),
  };
}
