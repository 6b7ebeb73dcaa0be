import {
  clusterPolicyLabel,
  isMatchAll,
  type ClusterTier,
  type LabelSelector,
  type NetworkPolicy,
  type Pod,
} from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import { policyName, type CheckContext } from './check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from './check-outcome';
import { reachableTierRules } from './cluster-rules';

/**
 * Why a namespace selector admits namespaces without naming them: `{}` selects every namespace;
 * a selector of only `NotIn` / `DoesNotExist` requirements selects every namespace lacking the
 * label — any new one too. `undefined` when the selector names what it admits.
 * See https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/
 */
export function openNamespaceSelector(selector: LabelSelector): string | undefined {
  if (isMatchAll(selector)) return 'namespaceSelector {} admits pods of every namespace';
  if (selector.requirements.every((r) => r.operator === 'NotIn' || r.operator === 'DoesNotExist')) {
    return 'namespaceSelector selects namespaces by exclusion only (NotIn/DoesNotExist)';
  }
  return undefined;
}

/** Ingress rules of a policy that admit other namespaces without naming them, as evidence. */
export function openIngressRules(policy: NetworkPolicy): Evidence[] {
  const found: Evidence[] = [];
  for (const rule of policy.ingress) {
    if (rule.peers === undefined) {
      found.push({
        policy: policyName(policy),
        rule: rule.index,
        reason: 'from missing or empty: admits every namespace (and every address)',
      });
      continue;
    }
    for (const peer of rule.peers) {
      if (peer.kind !== 'selector' || !peer.namespaceSelector) continue;
      const reason = openNamespaceSelector(peer.namespaceSelector);
      if (reason)
        found.push({ policy: policyName(policy), rule: rule.index, peer: peer.index, reason });
    }
  }
  return found;
}

/**
 * Cluster-policy `Accept` ingress rules that can decide traffic into the pod and admit other
 * namespaces without naming them (`namespaces: {}`, a `pods` peer with `namespaceSelector: {}`,
 * or an exclusion-only selector). Admin-tier rules always can; Baseline-tier ones only when no
 * NetworkPolicy isolates the pod (that tier is never reached otherwise). Rules after a
 * catch-all rule of their tier are never reached and are left out.
 */
export function openClusterIngressRules(ctx: CheckContext, pod: Pod): Evidence[] {
  const tiers: ClusterTier[] =
    ctx.isolatingPolicies(pod, 'ingress').length > 0 ? ['Admin'] : ['Admin', 'Baseline'];
  const found: Evidence[] = [];
  for (const tier of tiers) {
    for (const { policy, rule } of reachableTierRules(ctx.inventory, tier, pod, 'ingress')) {
      if (rule.action !== 'Accept') continue;
      for (const peer of rule.peers) {
        if (peer.kind !== 'pods') continue;
        const reason = openNamespaceSelector(peer.namespaceSelector);
        if (reason) {
          found.push({
            policy: clusterPolicyLabel(policy),
            tier,
            priority: policy.priority ?? null,
            rule: rule.index,
            peer: peer.index,
            reason,
          });
        }
      }
    }
  }
  return found;
}

/**
 * ZT-4: cross-namespace ingress only where a rule names the source namespaces. A workload
 * fails when one of its pods is not default deny for ingress (it admits every namespace; see
 * ZT-1), when an ingress rule of a NetworkPolicy isolating it admits other namespaces through a
 * missing `from`, `namespaceSelector: {}` or an exclusion-only namespace selector, or when a
 * cluster-policy `Accept` rule that can decide its ingress does (see
 * {@link openClusterIngressRules}). A peer with only a `podSelector` means pods of the policy's
 * own namespace and is fine.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 */
export function namespaceIsolation(ctx: CheckContext): CheckOutcome {
  if (ctx.workloads.size === 0) return notApplicable('no pods in the inventory');
  const failures: Evidence[] = [];
  for (const [workload, pods] of ctx.workloads) {
    const unisolated = pods.filter((p) => !ctx.isDefaultDeny(p, 'ingress')).map((p) => p.name);
    const rules = new Map<string, Evidence>();
    for (const pod of pods) {
      for (const policy of ctx.isolatingPolicies(pod, 'ingress')) {
        for (const e of openIngressRules(policy)) rules.set(JSON.stringify(e), e);
      }
      if (ctx.inventory.clusterPolicies.length === 0) continue;
      for (const e of openClusterIngressRules(ctx, pod)) rules.set(JSON.stringify(e), e);
    }
    if (unisolated.length === 0 && rules.size === 0) continue;
    failures.push({
      namespace: pods[0]?.namespace,
      workload,
      ...(unisolated.length > 0 ? { notIsolatedForIngress: unisolated } : {}),
      openRules: [...rules.values()],
    });
  }
  return fromSubjects(ctx.workloads.size, failures, [{ workloads: ctx.workloads.size }]);
}
