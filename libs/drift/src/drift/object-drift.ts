import type { Inventory, NetworkPolicy } from '@fenceline/netpol';
import { driftFinding, type DriftFinding } from '../findings/drift-finding';
import { canonicalPolicy, policyDifferences } from '../policy/canonical-policy';

/**
 * Object drift of the in-scope namespaces, matched by namespace and name: an expected policy
 * absent from the cluster is `policy-missing` (high); present but meaning something else is
 * `policy-modified` (high, evidence: what differs); a cluster policy the baseline does not
 * expect is `policy-unknown` (medium). Meaning is compared on canonical forms, never on text.
 *
 * @example objectDrift(expected, inventory, new Set(['shop'])).map((f) => f.kind)
 */
export function objectDrift(
  expected: readonly NetworkPolicy[],
  actual: Inventory,
  inScope: ReadonlySet<string>,
): DriftFinding[] {
  const key = (p: NetworkPolicy): string => `${p.namespace}/${p.name}`;
  const present = new Map<string, NetworkPolicy>();
  for (const policy of actual.policies) {
    if (inScope.has(policy.namespace) && !present.has(key(policy)))
      present.set(key(policy), policy);
  }
  const findings: DriftFinding[] = [];
  const expectedKeys = new Set<string>();
  for (const policy of expected) {
    expectedKeys.add(key(policy));
    const subject = `NetworkPolicy ${key(policy)}`;
    const identity = {
      namespace: policy.namespace,
      name: policy.name,
      fromTemplate: policy.ref.source === 'baseline template',
    };
    const found = present.get(key(policy));
    if (!found) {
      findings.push(driftFinding('policy-missing', 'high', subject, identity));
      continue;
    }
    const differences = policyDifferences(canonicalPolicy(policy), canonicalPolicy(found));
    if (differences)
      findings.push(
        driftFinding('policy-modified', 'high', subject, { ...identity, ...differences }),
      );
  }
  for (const [k, policy] of present) {
    if (expectedKeys.has(k)) continue;
    const source = policy.ref.source === undefined ? {} : { source: policy.ref.source };
    findings.push(
      driftFinding('policy-unknown', 'medium', `NetworkPolicy ${k}`, {
        namespace: policy.namespace,
        name: policy.name,
        ...source,
      }),
    );
  }
  return findings;
}
