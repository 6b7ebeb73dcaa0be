import { isMatchAll } from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import { policyName, type CheckContext } from './check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from './check-outcome';
import { overBroadClusterRules } from './cluster-rule-checks';
import { allRules } from './policy-rules';

/**
 * ZT-5 / NSA-3: no rule admits everyone. A rule is over-broad when its `from`/`to` is missing or
 * empty (it matches every peer, external addresses included), when an ipBlock is `0.0.0.0/0` or
 * `::/0` (whatever its `except`s), or when a peer has `namespaceSelector: {}` with no narrowing
 * `podSelector` (every pod of every namespace). `namespaceSelector: {}` ANDed with a non-empty
 * `podSelector` — the usual "kube-dns in any namespace" rule — names pods by label and is not
 * flagged. Cluster-policy `Accept` rules are held to the same standard
 * ({@link overBroadClusterRules}): every pod of every namespace, or a `/0` network. Subjects are
 * NetworkPolicy rules and cluster `Accept` rules; one failure per over-broad rule (a cluster
 * rule's evidence has no namespace: only a waiver without namespace scope covers it).
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec
 */
export function overBroadRules(ctx: CheckContext): CheckOutcome {
  const rules = allRules(ctx.inventory.policies);
  const cluster = overBroadClusterRules(ctx);
  if (rules.length === 0 && cluster.total === 0)
    return notApplicable('no policy has an ingress or egress rule');
  const failures: Evidence[] = [];
  for (const { policy, direction, rule } of rules) {
    const field = direction === 'ingress' ? 'from' : 'to';
    const reasons: Evidence[] = [];
    if (rule.peers === undefined)
      reasons.push({ reason: `${field} missing or empty: every peer, every address included` });
    for (const peer of rule.peers ?? []) {
      if (peer.kind === 'ipBlock' && peer.cidr.prefix === 0) {
        reasons.push({
          peer: peer.index,
          reason: `ipBlock ${peer.text}: every ${peer.cidr.family === 4 ? 'IPv4' : 'IPv6'} address`,
        });
      } else if (
        peer.kind === 'selector' &&
        peer.namespaceSelector &&
        isMatchAll(peer.namespaceSelector) &&
        (!peer.podSelector || isMatchAll(peer.podSelector))
      ) {
        reasons.push({
          peer: peer.index,
          reason: 'namespaceSelector {}: every pod of every namespace',
        });
      }
    }
    if (reasons.length > 0) {
      failures.push({
        namespace: policy.namespace,
        policy: policyName(policy),
        direction,
        rule: rule.index,
        reasons,
      });
    }
  }
  failures.push(...cluster.failures);
  const details = [
    { rules: rules.length, ...(cluster.total > 0 ? { clusterAcceptRules: cluster.total } : {}) },
  ];
  return fromSubjects(rules.length + cluster.total, failures, details);
}
