import { clusterPolicyLabel, matchesLabels, namespaceLabels } from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import type { CheckContext } from './check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from './check-outcome';

/** Namespaces CIS 5.3.2 leaves out: the control plane's own. */
export const CIS_EXEMPT_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/**
 * CIS Kubernetes Benchmark 5.3.2 "Ensure that all Namespaces have Network Policies defined":
 * every namespace of the inventory (defined, or only referenced by a pod) except kube-system,
 * kube-public and kube-node-lease has at least one NetworkPolicy, or is in the subject of a
 * cluster-scoped policy (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy:
 * its subject's namespace selector matches the namespace), which governs its pods as a
 * NetworkPolicy would. Subjects are namespaces; details name the cluster policies of the
 * namespaces that have no NetworkPolicy.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 */
export function namespacesHavePolicies(ctx: CheckContext): CheckOutcome {
  const namespaces = ctx.namespaces.filter((n) => !CIS_EXEMPT_NAMESPACES.includes(n));
  if (namespaces.length === 0)
    return notApplicable(`no namespace besides ${CIS_EXEMPT_NAMESPACES.join(', ')}`);
  const failures: Evidence[] = [];
  const byCluster: Evidence[] = [];
  for (const namespace of namespaces) {
    if (ctx.inventory.policies.some((p) => p.namespace === namespace)) continue;
    const labels = namespaceLabels(ctx.inventory, namespace);
    const cluster = ctx.inventory.clusterPolicies
      .filter((p) => matchesLabels(p.subject.namespaceSelector, labels))
      .map(clusterPolicyLabel);
    if (cluster.length > 0) {
      byCluster.push({ namespace, clusterPolicies: cluster });
      continue;
    }
    const pods = ctx.inventory.pods.filter((p) => p.namespace === namespace).length;
    failures.push({
      namespace,
      reason:
        ctx.inventory.clusterPolicies.length === 0
          ? 'no NetworkPolicy in the namespace'
          : 'no NetworkPolicy in the namespace, and no cluster policy selects it',
      pods,
    });
  }
  return fromSubjects(namespaces.length, failures, [
    { namespaces, exempt: CIS_EXEMPT_NAMESPACES },
    ...byCluster,
  ]);
}
