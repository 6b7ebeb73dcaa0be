import { formatSelector, policySelectsPod } from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import { policyName, type CheckContext } from './check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from './check-outcome';
import { clusterPoliciesSelectingNothing } from './cluster-rule-checks';

/**
 * ZT-7: every policy selects at least one pod. A policy applies only to pods of its own
 * namespace matching its `podSelector`; one that selects none has no effect (often a typo in a
 * label, or a stale policy). A cluster policy whose subject selects no pod is failed alike
 * ({@link clusterPoliciesSelectingNothing}). Subjects are NetworkPolicies and cluster policies.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec
 */
export function policiesSelectingNothing(ctx: CheckContext): CheckOutcome {
  const policies = ctx.inventory.policies;
  if (policies.length === 0 && ctx.inventory.clusterPolicies.length === 0)
    return notApplicable('no NetworkPolicy in the inventory');
  const failures: Evidence[] = [];
  for (const policy of policies) {
    if (ctx.inventory.pods.some((pod) => policySelectsPod(policy, pod))) continue;
    const podsInNamespace = ctx.inventory.pods.filter(
      (p) => p.namespace === policy.namespace,
    ).length;
    failures.push({
      namespace: policy.namespace,
      policy: policyName(policy),
      podSelector: formatSelector(policy.podSelector),
      podsInNamespace,
    });
  }
  const cluster = clusterPoliciesSelectingNothing(ctx);
  failures.push(...cluster.failures);
  const details = [
    { policies: policies.length, ...(cluster.total > 0 ? { clusterPolicies: cluster.total } : {}) },
  ];
  return fromSubjects(policies.length + cluster.total, failures, details);
}
