import {
  clusterRuleRef,
  INGRESS_CONTROLLER_PEER,
  INGRESS_CONTROLLER_POD,
  parseIp,
  tieredDirection,
  type ConnlistRow,
  type Endpoint,
  type IpRange,
} from '@fenceline/netpol';
import type { CheckContext } from './check-context';
import { clusterRuleText } from './tier-evidence';

/** The range of an external peer name (`a.b.c.d-e.f.g.h[External]`); `undefined` for anything else. */
export function parseExternalName(name: string): IpRange | undefined {
  const m = /^(.+)-(.+)\[External\]$/.exec(name);
  if (!m) return undefined;
  const first = parseIp(m[1] ?? '');
  const last = parseIp(m[2] ?? '');
  if (!first || !last || first.family !== last.family) return undefined;
  return { family: first.family, first: first.value, last: last.value };
}

/**
 * The endpoints a connectivity-row peer stands for: the pods of a workload, the ingress
 * controller, or one address of an external range (the policies treat every address of a row's
 * range alike).
 */
export function rowEndpoints(ctx: CheckContext, name: string): Endpoint[] {
  if (name === INGRESS_CONTROLLER_PEER) return [{ kind: 'pod', pod: INGRESS_CONTROLLER_POD }];
  const pods = ctx.workloads.get(name);
  if (pods) return pods.map((pod) => ({ kind: 'pod', pod }));
  const range = parseExternalName(name);
  return range ? [{ kind: 'external', ip: { family: range.family, value: range.first } }] : [];
}

/**
 * The cluster-policy `Accept` rules that decide part of a connectivity row — the source's
 * egress or the destination's ingress, in either tier — as `cnp/x ingress rule 0`: what
 * exposes the connection when a cluster policy does. Empty without cluster policies, or when
 * only NetworkPolicies (or the default allow) admit the row.
 */
export function clusterAcceptsOf(ctx: CheckContext, row: ConnlistRow): string[] {
  if (ctx.inventory.clusterPolicies.length === 0) return [];
  return ctx.memo(`accepted-by:${row.src}|${row.dst}`, () => acceptsOf(ctx, row));
}

function acceptsOf(ctx: CheckContext, row: ConnlistRow): string[] {
  const found = new Set<string>();
  const sources = rowEndpoints(ctx, row.src);
  const destinations = rowEndpoints(ctx, row.dst);
  for (const src of sources) {
    for (const dst of destinations) {
      if (src.kind === 'pod' && dst.kind === 'pod' && src.pod === dst.pod) continue;
      // The ingress controller stands for traffic from outside: no policy governs its egress.
      const directions =
        src.kind === 'pod' && src.pod === INGRESS_CONTROLLER_POD
          ? (['ingress'] as const)
          : (['egress', 'ingress'] as const);
      for (const direction of directions) {
        const subject = direction === 'egress' ? src : dst;
        if (subject.kind !== 'pod') continue;
        // Only the subject's own namespace's NetworkPolicies can govern it.
        const view = ctx.namespaceView(subject.pod.namespace);
        const tiers = tieredDirection(view, direction, src, dst, ctx.compiled.options);
        for (const m of [...tiers.admin.matches, ...tiers.baseline.matches]) {
          if (m.action !== 'Accept' || m.decided.intersect(row.conn).isEmpty) continue;
          found.add(clusterRuleText(clusterRuleRef(m.policy, m.rule), direction));
        }
      }
    }
  }
  return [...found].sort();
}
