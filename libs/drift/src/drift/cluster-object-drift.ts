import type { ClusterPolicy, Inventory } from '@fenceline/netpol';
import type { CompiledBaseline } from '../baseline/compile-baseline';
import { clusterPolicyKey } from '../baseline/parse-cluster-policies';
import { driftFinding, type DriftFinding } from '../findings/drift-finding';
import {
  canonicalClusterPolicy,
  clusterPolicyDifferences,
} from '../policy/canonical-cluster-policy';
import { clusterPolicyInScope } from '../scope/cluster-scope';

/**
 * Object drift of cluster-scoped policies, matched by kind and name (a ClusterNetworkPolicy and
 * an AdminNetworkPolicy of one name are different objects): a baseline cluster policy absent from
 * the cluster is `policy-missing` (high), whatever its subject selects; present but meaning
 * something else is `policy-modified` (high; evidence: which of tier, priority, subject, ingress,
 * egress differ, and how); a cluster policy whose subject may select pods of an in-scope
 * namespace and that the baseline does not hold is `policy-unknown` (medium).
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 *
 * @example clusterObjectDrift(baseline, inventory, inScope).map((f) => f.subject) // ['AdminNetworkPolicy tenants']
 */
export function clusterObjectDrift(
  baseline: CompiledBaseline,
  actual: Inventory,
  inScope: ReadonlySet<string>,
): DriftFinding[] {
  const key = (p: ClusterPolicy): string => clusterPolicyKey(p.kind, p.name);
  const present = new Map(actual.clusterPolicies.map((p) => [key(p), p]));
  const findings: DriftFinding[] = [];
  const held = new Set<string>();
  for (const policy of baseline.clusterPolicies) {
    held.add(key(policy));
    const subject = `${policy.kind} ${policy.name}`;
    const identity = { kind: policy.kind, name: policy.name };
    const found = present.get(key(policy));
    if (!found) {
      findings.push(driftFinding('policy-missing', 'high', subject, identity));
      continue;
    }
    const differences = clusterPolicyDifferences(
      canonicalClusterPolicy(policy),
      canonicalClusterPolicy(found),
    );
    if (differences)
      findings.push(
        driftFinding('policy-modified', 'high', subject, { ...identity, ...differences }),
      );
  }
  for (const [k, policy] of present) {
    if (held.has(k) || !clusterPolicyInScope(policy, actual, inScope)) continue;
    const source = policy.ref.source === undefined ? {} : { source: policy.ref.source };
    findings.push(
      driftFinding('policy-unknown', 'medium', `${policy.kind} ${policy.name}`, {
        kind: policy.kind,
        name: policy.name,
        ...source,
      }),
    );
  }
  return findings;
}
