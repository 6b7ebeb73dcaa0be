import {
  buildModel,
  clusterPeerMatches,
  ConnectionSet,
  tierPolicies,
  tieredDirection,
  workloadName,
  type ClusterPolicy,
  type ClusterRule,
  type Endpoint,
  type Inventory,
  type Pod,
  type ReachabilityModel,
} from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import { compare, policyName, type CheckContext } from './check-context';
import { shapeGroups } from './pod-shapes';
import { clusterRuleEvidence } from './tier-evidence';

/**
 * One Admin-tier `Accept` (v1alpha1 `Allow`) ingress rule opening connections into one workload
 * that the workload's own NetworkPolicies isolate and do not admit.
 */
export interface AdminOverride {
  readonly policy: ClusterPolicy;
  readonly rule: ClusterRule;
  readonly namespace: string;
  /** The destination workload (`namespace/name[Kind]`). */
  readonly workload: string;
  /** The NetworkPolicies isolating it for ingress: they would have denied these connections. */
  readonly deniedBy: ReadonlySet<string>;
  /** Per source workload, the connections the rule opens that are open end to end. */
  readonly sources: ReadonlyMap<string, ConnectionSet>;
}

/** Which pairs to look at: destination and source workloads. */
export interface OverrideScope {
  readonly destination: (workload: string) => boolean;
  readonly source: (workload: string) => boolean;
}

/**
 * Two fast models of ingress alone (every egress rule and egress isolation removed, so that a
 * pair's connections are what the destination's ingress admits): through every tier, and
 * through the NetworkPolicy tier alone (cluster policies removed). For a destination a
 * NetworkPolicy isolates, what the first admits beyond the second is exactly what Admin-tier
 * `Accept` rules open: the Baseline tier is never reached there, and `Pass` defers to the
 * NetworkPolicies.
 */
function ingressModels(ctx: CheckContext): {
  tiers: ReachabilityModel;
  policies: ReachabilityModel;
} {
  return ctx.memo('admin-overrides:ingress-models', () => {
    const inventory = ctx.inventory;
    const ingressOnly: Inventory = {
      ...inventory,
      policies: inventory.policies.map((p) => ({
        ...p,
        isolates: { ingress: p.isolates.ingress, egress: false },
        egress: [],
      })),
      clusterPolicies: inventory.clusterPolicies.map((p) => ({ ...p, egress: [] })),
    };
    return {
      tiers: buildModel(ingressOnly, ctx.compiled.options),
      policies: buildModel({ ...ingressOnly, clusterPolicies: [] }, ctx.compiled.options),
    };
  });
}

/** Whether some Admin-tier policy has an `Accept` ingress rule: nothing can override otherwise. */
export function hasAdminAcceptIngress(ctx: CheckContext): boolean {
  return ctx.inventory.clusterPolicies.some(
    (p) => p.tier === 'Admin' && p.ingress.some((r) => r.action === 'Accept'),
  );
}

/**
 * The connections into a pod that its NetworkPolicies isolate for ingress and do not allow, but
 * that an Admin-tier `Accept` rule accepts — found with the fast model ({@link ingressModels}),
 * the deciding rules named by the tier-aware reference (`tieredDirection`) —
 * and that are open end to end (the source's egress allows them too, as the model says: an
 * override a source cannot use yet is not a connection). Sources are the inventory's pods:
 * cluster-policy ingress peers never match an address outside the cluster. Grouped per rule and
 * destination workload, in evaluation order.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 */
export function adminOverrides(ctx: CheckContext, scope: OverrideScope): AdminOverride[] {
  if (!hasAdminAcceptIngress(ctx)) return [];
  const { inventory } = ctx;
  const options = ctx.compiled.options;
  const models = ingressModels(ctx);
  const sources = shapeGroups(inventory.pods, options, inventory, 'source');
  const destinations = shapeGroups(inventory.pods, options, inventory, 'destination');
  // Per Accept rule, which source groups its peers match: shared by every destination.
  const peerMatch = new Map<ClusterRule, boolean[]>();
  const matches = (rule: ClusterRule, i: number): boolean => {
    let row = peerMatch.get(rule);
    if (!row) peerMatch.set(rule, (row = []));
    row[i] ??= rule.peers.some((p) =>
      clusterPeerMatches(inventory, p, { kind: 'pod', pod: sources[i]?.[0] as Pod }),
    );
    return row[i];
  };
  const found = new Map<
    string,
    AdminOverride & { sources: Map<string, ConnectionSet>; deniedBy: Set<string> }
  >();
  for (const group of destinations) {
    const dstPod = group[0] as Pod;
    const workload = workloadName(dstPod.workload);
    if (!scope.destination(workload)) continue;
    const isolating = ctx.isolatingPolicies(dstPod, 'ingress');
    if (isolating.length === 0) continue;
    const accepts = tierPolicies(inventory, 'Admin', dstPod, 'ingress').flatMap((p) =>
      p.ingress.filter((r) => r.action === 'Accept'),
    );
    if (accepts.length === 0) continue;
    const view = ctx.namespaceView(dstPod.namespace);
    const dst: Endpoint = { kind: 'pod', pod: dstPod };
    sources.forEach((srcGroup, i) => {
      const srcPod = srcGroup[0] === dstPod ? srcGroup[1] : srcGroup[0];
      if (!srcPod || !scope.source(workloadName(srcPod.workload))) return;
      if (!accepts.some((rule) => matches(rule, i))) return;
      const src: Endpoint = { kind: 'pod', pod: srcPod };
      // The fast models find the pairs; the reference names the rules deciding them.
      const opened = models.tiers
        .connections(src, dst)
        .subtract(models.policies.connections(src, dst));
      if (opened.isEmpty) return;
      const open = opened.intersect(ctx.model.connections(src, dst));
      if (open.isEmpty) return;
      const tiers = tieredDirection(view, 'ingress', src, dst, options);
      for (const match of tiers.admin.matches) {
        if (match.action !== 'Accept') continue;
        const conn = match.decided.intersect(open);
        if (conn.isEmpty) continue;
        const key = JSON.stringify([
          match.policy.kind,
          match.policy.name,
          match.rule.index,
          workload,
        ]);
        let entry = found.get(key);
        if (!entry) {
          entry = {
            policy: match.policy,
            rule: match.rule,
            namespace: dstPod.namespace,
            workload,
            deniedBy: new Set(),
            sources: new Map(),
          };
          found.set(key, entry);
        }
        for (const p of isolating) entry.deniedBy.add(policyName(p));
        const srcName = workloadName(srcPod.workload);
        entry.sources.set(srcName, (entry.sources.get(srcName) ?? ConnectionSet.NONE).union(conn));
      }
    });
  }
  return [...found.values()].sort(
    (a, b) =>
      compare(a.workload, b.workload) ||
      compare(a.policy.name, b.policy.name) ||
      a.rule.index - b.rule.index,
  );
}

/** An override as evidence: the destination, the cluster rule, the sources, what would deny. */
export function overrideEvidence(o: AdminOverride, extra: Evidence = {}): Evidence {
  return {
    namespace: o.namespace,
    workload: o.workload,
    ...extra,
    ...clusterRuleEvidence(o.policy, 'ingress', o.rule),
    sources: [...o.sources.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([src, conn]) => ({ src, conn: conn.toString() })),
    deniedBy: [...o.deniedBy].sort(compare),
  };
}
