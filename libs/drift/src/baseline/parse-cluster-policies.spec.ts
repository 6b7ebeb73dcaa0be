import { anp, banp, cnp, tcp } from '../../test/cluster-fixture';
import { baselineContentHash } from './content-hash';
import { compileBaseline } from './compile-baseline';
import { parseBaselineContent } from './parse-baseline-content';

const DENY_WEB = cnp('deny-web', {
  tier: 'Admin',
  priority: 10,
  subject: { namespaces: { matchLabels: { team: 'shop' } } },
  ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [tcp(80)] }],
});
const np = (name: string, namespace?: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { podSelector: {} },
});
const issuesOf = (policies: unknown[]): string[] => {
  const parsed = parseBaselineContent({ policies });
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('baseline cluster policies', () => {
  it('accepts the three cluster kinds next to NetworkPolicies and compiles them untemplated', () => {
    const policies = [
      np('default-deny'),
      DENY_WEB,
      anp('deny-web', { priority: 3, subject: { namespaces: {} }, egress: [] }),
      banp({
        subject: { namespaces: {} },
        ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
      }),
    ];
    const parsed = parseBaselineContent({ policies });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const compiled = compileBaseline(parsed.content);
    expect(compiled.templates.map((t) => t.name)).toEqual(['default-deny']);
    expect(compiled.namespaced).toEqual([]);
    // A ClusterNetworkPolicy and an AdminNetworkPolicy of the same name are different objects.
    expect(
      compiled.clusterPolicies.map((p) => `${p.kind} ${p.name} ${p.tier} ${p.priority}`),
    ).toEqual([
      'ClusterNetworkPolicy deny-web Admin 10',
      'AdminNetworkPolicy deny-web Admin 3',
      'BaselineAdminNetworkPolicy default Baseline undefined',
    ]);
  });

  it('validates with the engine parser: the object, the field path and the code', () => {
    const bad = cnp('deny-web', { ...(DENY_WEB['spec'] as object), priority: 1001 });
    const [issue, ...rest] = issuesOf([bad]);
    expect(rest).toEqual([]);
    expect(issue).toMatch(
      /^policies\[0\]: ClusterNetworkPolicy deny-web: spec\.priority: .*\[INVALID_PRIORITY\]$/,
    );
    const noTier = cnp('x', { priority: 1, subject: { namespaces: {} } });
    expect(issuesOf([noTier])).toEqual([
      'policies[0]: ClusterNetworkPolicy x: spec.tier: tier is required (Admin or Baseline) [MISSING_FIELD]',
    ]);
    const noPeers = anp('y', {
      priority: 1,
      subject: { namespaces: {} },
      ingress: [{ action: 'Allow', from: [] }],
    });
    expect(issuesOf([noPeers])[0]).toMatch(
      /^policies\[0\]: AdminNetworkPolicy y: spec\.ingress\[0\]\.from: .*\[RULE_WITHOUT_PEERS\]$/,
    );
  });

  it('rejects a wrong apiVersion, a namespace, a bad name and duplicates of one kind and name', () => {
    expect(issuesOf([{ ...DENY_WEB, apiVersion: 'policy.networking.k8s.io/v1alpha1' }])).toEqual([
      'policies[0]: expected apiVersion policy.networking.k8s.io/v1alpha2 for kind ClusterNetworkPolicy, got string "policy.networking.k8s.io/v1alpha1"',
    ]);
    expect(issuesOf([{ ...DENY_WEB, metadata: { name: 'deny-web', namespace: 'shop' } }])).toEqual([
      'policies[0].metadata.namespace: ClusterNetworkPolicy is cluster-scoped: leave metadata.namespace out (it is not a template)',
    ]);
    expect(issuesOf([{ ...DENY_WEB, metadata: { name: 'Deny_Web' } }])).toEqual([
      'policies[0].metadata.name: "Deny_Web" is not a valid object name (RFC 1123 subdomain)',
    ]);
    expect(issuesOf([DENY_WEB, np('deny-web'), DENY_WEB])).toEqual([
      'policies[2]: ClusterNetworkPolicy deny-web is defined twice (first at policies[0])',
    ]);
    const named = {
      ...(banp({ subject: { namespaces: {} } }) as object),
      metadata: { name: 'other' },
    };
    expect(issuesOf([named])[0]).toMatch(/\[INVALID_NAME\]$/);
  });

  it('hashes cluster policies canonically: their order does not matter, their kind does', () => {
    const other = cnp('a', { tier: 'Baseline', priority: 5, subject: { namespaces: {} } });
    const content = (policies: Record<string, unknown>[]) => ({
      scope: { namespaceSelector: {} },
      policies,
      guardrails: [],
    });
    const hash = baselineContentHash(content([DENY_WEB, np('deny-web'), other]));
    expect(baselineContentHash(content([other, np('deny-web'), DENY_WEB]))).toBe(hash);
    expect(baselineContentHash(content([np('deny-web'), DENY_WEB, other]))).toBe(hash);
    const asAnp = { ...DENY_WEB, kind: 'AdminNetworkPolicy' };
    expect(baselineContentHash(content([asAnp, np('deny-web'), other]))).not.toBe(hash);
  });
});
