import { isDns1123Label, isDns1123Subdomain, parseNetworkPolicy } from '@fenceline/netpol';
import {
  clusterPolicyKey,
  clusterPolicyKindOf,
  validateClusterPolicy,
} from './parse-cluster-policies';
import { describeValue, IssueList, isRecord, quote } from './raw-input';

/** Namespace a template is validated in: any valid name would do, the rules do not depend on it. */
export const TEMPLATE_NAMESPACE = 'fenceline-template';

/**
 * How a baseline policy is named in diffs: `namespace/name`, with `*` as the namespace of a
 * template (a template applies to every namespace).
 *
 * @example policyKey('shop', 'db') // 'shop/db'
 */
export function policyKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? '*'}/${name}`;
}

/**
 * The kind, namespace (undefined for a template and for a cluster-scoped policy) and name of a
 * policy that passed validation.
 */
export function policyIdentity(policy: Readonly<Record<string, unknown>>): {
  kind: string;
  namespace: string | undefined;
  name: string;
} {
  const metadata = isRecord(policy['metadata']) ? policy['metadata'] : {};
  const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : undefined;
  return { kind: String(policy['kind']), namespace, name: String(metadata['name']) };
}

/**
 * Validates the baseline's policies: `networking.k8s.io/v1` NetworkPolicy objects with a
 * valid `metadata.name`, an optional valid `metadata.namespace` (none makes a template), each
 * checked with netpol's `parseNetworkPolicy` exactly as the API server would (templates in a
 * placeholder namespace); and cluster-scoped ClusterNetworkPolicy, AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy objects (see `validateClusterPolicy`). No two with the same kind,
 * namespace (or template) and name.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
 */
export function parseBaselinePolicies(
  issues: IssueList,
  value: unknown,
  path: string,
): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add(path, `expected a list of policy objects, got ${describeValue(value)}`);
    return [];
  }
  const policies: Record<string, unknown>[] = [];
  const seen = new Map<string, number>();
  value.forEach((raw: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(raw)) {
      issues.add(p, `expected a policy object, got ${describeValue(raw)}`);
      return;
    }
    const before = issues.count;
    const clusterKind = clusterPolicyKindOf(raw);
    if (clusterKind) {
      const identity = validateClusterPolicy(issues, raw, p, clusterKind);
      if (!identity) return;
      const key = clusterPolicyKey(identity.kind, identity.name);
      const first = seen.get(key);
      if (first !== undefined)
        issues.add(
          p,
          `${identity.kind} ${identity.name} is defined twice (first at ${path}[${first}])`,
        );
      else seen.set(key, i);
      if (issues.count === before) policies.push(raw);
      return;
    }
    if (raw['apiVersion'] !== 'networking.k8s.io/v1' || raw['kind'] !== 'NetworkPolicy') {
      issues.add(
        p,
        `expected apiVersion networking.k8s.io/v1 and kind NetworkPolicy (or a ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy), got ${describeValue(raw['apiVersion'])} / ${describeValue(raw['kind'])}`,
      );
      return;
    }
    const identity = readIdentity(issues, raw['metadata'], p);
    if (!identity) return;
    const { namespace, name } = identity;
    const label =
      namespace === undefined
        ? `NetworkPolicy ${name} (template)`
        : `NetworkPolicy ${namespace}/${name}`;
    const parsed = parseNetworkPolicy(raw, {
      kind: 'NetworkPolicy',
      namespace: namespace ?? TEMPLATE_NAMESPACE,
      name,
    });
    for (const issue of parsed.issues)
      issues.add(
        p,
        `${label}: ${issue.path ? `${issue.path}: ` : ''}${issue.message} [${issue.code}]`,
      );
    const key = policyKey(namespace, name);
    const first = seen.get(key);
    if (first !== undefined)
      issues.add(p, `${label} is defined twice (first at ${path}[${first}])`);
    else seen.set(key, i);
    if (issues.count === before) policies.push(raw);
  });
  return policies;
}

function readIdentity(
  issues: IssueList,
  value: unknown,
  path: string,
): { namespace: string | undefined; name: string } | undefined {
  if (!isRecord(value)) {
    issues.add(`${path}.metadata`, 'is required (with a name)');
    return undefined;
  }
  const name = value['name'];
  const namespace = value['namespace'];
  let ok = true;
  if (typeof name !== 'string' || !isDns1123Subdomain(name)) {
    issues.add(
      `${path}.metadata.name`,
      `${typeof name === 'string' ? quote(name) : describeValue(name)} is not a valid object name (RFC 1123 subdomain)`,
    );
    ok = false;
  }
  if (
    namespace !== undefined &&
    namespace !== null &&
    (typeof namespace !== 'string' || !isDns1123Label(namespace))
  ) {
    issues.add(
      `${path}.metadata.namespace`,
      `${typeof namespace === 'string' ? quote(namespace) : describeValue(namespace)} is not a valid namespace name (RFC 1123 label); leave it out for a template`,
    );
    ok = false;
  }
  return ok
    ? { namespace: typeof namespace === 'string' ? namespace : undefined, name: name as string }
    : undefined;
}
