import {
  ConnectionSet,
  tierPolicies,
  tieredDirection,
  workloadName,
  type ClusterPolicy,
  type ClusterRule,
  type Endpoint,
  type Pod,
} from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import { compare, policyName, type CheckContext } from './check-context';
import { otherThan, shapeGroups } from './pod-shapes';
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

/** Whether some Admin-tier policy has an `Accept` ingress rule: nothing can override otherwise. */
export function hasAdminAcceptIngress(ctx: CheckContext): boolean {
  return ctx.inventory.clusterPolicies.some(
    (p) => p.tier === 'Admin' && p.ingress.some((r) => r.action === 'Accept'),
  );
}

/**
 * The connections into a pod that its NetworkPolicies isolate for ingress and do not allow, but
 * that an Admin-tier `Accept` rule accepts — decided by the tier-aware reference
 * (`tieredDirection`: what the Admin tier accepted minus what the NetworkPolicy tier admits) —
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
  const groups = shapeGroups(inventory.pods, options, inventory);
  const found = new Map<
    string,
    AdminOverride & { sources: Map<string, ConnectionSet>; deniedBy: Set<string> }
  >();
  for (const group of groups) {
    const dstPod = group[0] as Pod;
    const workload = workloadName(dstPod.workload);
    if (!scope.destination(workload)) continue;
    const isolating = ctx.isolatingPolicies(dstPod, 'ingress');
    if (isolating.length === 0) continue;
    const admin = tierPolicies(inventory, 'Admin', dstPod, 'ingress');
    if (!admin.some((p) => p.ingress.some((r) => r.action === 'Accept'))) continue;
    const dst: Endpoint = { kind: 'pod', pod: dstPod };
    for (const other of groups) {
      const srcPod = other === group ? otherThan(group, dstPod) : other[0];
      if (!srcPod || !scope.source(workloadName(srcPod.workload))) continue;
      const src: Endpoint = { kind: 'pod', pod: srcPod };
      const tiers = tieredDirection(inventory, 'ingress', src, dst, options);
      const accepts = tiers.admin.matches.filter(
        (m) => m.action === 'Accept' && !m.decided.isEmpty,
      );
      if (accepts.length === 0) continue;
      const open = ctx.model.connections(src, dst);
      for (const match of accepts) {
        const conn = match.decided.subtract(tiers.networkPolicy.admits).intersect(open);
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
    }
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
