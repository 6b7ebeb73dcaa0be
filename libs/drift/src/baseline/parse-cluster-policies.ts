import {
  CLUSTER_POLICY_KINDS,
  isDns1123Subdomain,
  parseClusterPolicy,
  type ClusterPolicy,
  type ClusterPolicyKind,
} from '@fenceline/netpol';
import { describeValue, IssueList, isRecord, quote, type RawRecord } from './raw-input';

/** Where a baseline's cluster policies come from, in findings and explain. */
export const BASELINE_SOURCE = 'baseline';

/**
 * The cluster-scoped kind an object claims (by `kind` alone, so that a wrong `apiVersion` is
 * reported rather than mistaken for another kind), or undefined.
 *
 * @example clusterPolicyKindOf({ kind: 'AdminNetworkPolicy' }) // 'AdminNetworkPolicy'
 */
export function clusterPolicyKindOf(raw: RawRecord): ClusterPolicyKind | undefined {
  const kind = raw['kind'];
  return typeof kind === 'string' && Object.hasOwn(CLUSTER_POLICY_KINDS, kind)
    ? (kind as ClusterPolicyKind)
    : undefined;
}

/**
 * How a baseline cluster policy is named in diffs: `Kind/name`. Kinds are capitalised and
 * namespaces never are, so a key never collides with a NetworkPolicy's `namespace/name`. A
 * ClusterNetworkPolicy and an AdminNetworkPolicy of the same name are different objects.
 *
 * @example clusterPolicyKey('ClusterNetworkPolicy', 'deny-all') // 'ClusterNetworkPolicy/deny-all'
 */
export function clusterPolicyKey(kind: string, name: string): string {
  return `${kind}/${name}`;
}

/**
 * Validates one cluster-scoped policy of a baseline: the `apiVersion` the engine reads for its
 * kind (ClusterNetworkPolicy `policy.networking.k8s.io/v1alpha2`, AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy `v1alpha1`), a valid `metadata.name`, no `metadata.namespace` (the
 * object is cluster-scoped: it is never templated per namespace), and netpol's
 * `parseClusterPolicy` as the CRD schemas validate (issues name the object, the field and the
 * code). Returns the object's identity when valid.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 */
export function validateClusterPolicy(
  issues: IssueList,
  raw: RawRecord,
  path: string,
  kind: ClusterPolicyKind,
): { kind: ClusterPolicyKind; name: string } | undefined {
  const apiVersion = CLUSTER_POLICY_KINDS[kind];
  if (raw['apiVersion'] !== apiVersion) {
    issues.add(
      path,
      `expected apiVersion ${apiVersion} for kind ${kind}, got ${describeValue(raw['apiVersion'])}`,
    );
    return undefined;
  }
  const metadata = raw['metadata'];
  if (!isRecord(metadata)) {
    issues.add(`${path}.metadata`, 'is required (with a name)');
    return undefined;
  }
  const name = metadata['name'];
  if (typeof name !== 'string' || !isDns1123Subdomain(name)) {
    issues.add(
      `${path}.metadata.name`,
      `${typeof name === 'string' ? quote(name) : describeValue(name)} is not a valid object name (RFC 1123 subdomain)`,
    );
    return undefined;
  }
  const before = issues.count;
  if (metadata['namespace'] !== undefined && metadata['namespace'] !== null)
    issues.add(
      `${path}.metadata.namespace`,
      `${kind} is cluster-scoped: leave metadata.namespace out (it is not a template)`,
    );
  const parsed = parseClusterPolicy(raw, { kind, name, source: BASELINE_SOURCE }, kind);
  for (const issue of parsed.issues)
    issues.add(
      path,
      `${kind} ${name}: ${issue.path ? `${issue.path}: ` : ''}${issue.message} [${issue.code}]`,
    );
  return issues.count === before ? { kind, name } : undefined;
}

/**
 * The engine's form of a baseline cluster policy that passed validation. Throws when it does
 * not parse, which validation rules out.
 */
export function compileClusterPolicy(raw: RawRecord): ClusterPolicy {
  const kind = clusterPolicyKindOf(raw);
  const metadata = isRecord(raw['metadata']) ? raw['metadata'] : {};
  const name = String(metadata['name']);
  const parsed = kind && parseClusterPolicy(raw, { kind, name, source: BASELINE_SOURCE }, kind);
  if (!parsed?.value)
    throw new Error(
      `baseline cluster policy ${String(raw['kind'])} ${name} is invalid: ${parsed?.issues[0]?.message ?? 'unknown kind'}`,
    );
  return parsed.value;
}
