import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SHOP_BASELINE } from '../../test/shop-fixture';
import { formatBaselineIssue } from './baseline-content';
import { baselineContentHash } from './content-hash';
import { loadBaselineDir } from './load-baseline-dir';
import { parseBaselineContent } from './parse-baseline-content';

const FIXTURES = join(__dirname, '../../test/fixtures');

function tree(files: Record<string, string>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fenceline-drift-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const BASELINE = 'apiVersion: fenceline.dev/v1alpha1\nkind: Baseline\nmetadata: { name: b }\n';
const POLICY =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: shop }\nspec: { podSelector: {} }\n';

describe('loadBaselineDir', () => {
  it('reads the shop folder (nested folders, YAML and JSON) into the same content as shop-fixture.ts', () => {
    const loaded = loadBaselineDir('shop-baseline', { cwd: FIXTURES });
    expect(loaded.issues).toEqual([]);
    expect(loaded.name).toBe('shop');
    const expected = parseBaselineContent(SHOP_BASELINE);
    if (!expected.ok || !loaded.content) throw new Error('fixture invalid');
    expect(loaded.content.policies).toHaveLength(5);
    expect(baselineContentHash(loaded.content)).toBe(baselineContentHash(expected.content));
  });

  it('uses the default scope when the Baseline has no spec', () => {
    const t = tree({ 'b.yaml': BASELINE });
    try {
      const loaded = loadBaselineDir(t.dir);
      expect(loaded.issues).toEqual([]);
      expect(loaded.content?.scope.namespaceSelector.matchExpressions?.[0]?.values).toEqual([
        'kube-system',
      ]);
    } finally {
      t.remove();
    }
  });

  it('names the file and the field of every issue', () => {
    const t = tree({
      'a/baseline.yaml': `${BASELINE}spec:\n  policies: []\n  guardrails:\n    - { type: deny, name: x, from: {}, to: { cidr: 10.0.0.0/33 } }\n`,
      'a/policies.yaml': `${POLICY}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: q, namespace: shop }\nspec: { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] }\n`,
      'a/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: x }\n',
      'a/broken.yaml': 'a: [\n',
      'a/README.md': 'not read',
    });
    try {
      const loaded = loadBaselineDir('a', { cwd: t.dir });
      expect(loaded.content).toBeUndefined();
      expect(loaded.name).toBe('b');
      expect(loaded.issues.map(formatBaselineIssue)).toEqual([
        expect.stringMatching(/^a\/broken\.yaml#1: invalid YAML/),
        'a/pod.yaml#1: string "v1" string "Pod" does not belong in a baseline folder (only networking.k8s.io/v1 NetworkPolicy, policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy, policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy, policy.networking.k8s.io/v1alpha1 BaselineAdminNetworkPolicy objects and one fenceline.dev/v1alpha1 Baseline)',
        'a/baseline.yaml#1: spec.policies: unknown field (expected scope, sensitive, guardrails)',
        'a/policies.yaml#2: NetworkPolicy shop/q: spec.ingress[0].ports[0].port: port 0 must be between 1 and 65535, inclusive [PORT_OUT_OF_RANGE]',
        'a/baseline.yaml#1: spec.guardrails[0].to.cidr: "10.0.0.0/33" is not a CIDR',
      ]);
    } finally {
      t.remove();
    }
  });

  it('reads cluster-scoped policies next to NetworkPolicies and names their file in issues', () => {
    const CNP = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: { name: deny-all }
spec:
  tier: Baseline
  priority: 1000
  subject: { namespaces: {} }
  ingress: [{ action: Deny, from: [{ namespaces: {} }] }]
`;
    const t = tree({
      'ok/baseline.yaml': BASELINE,
      'ok/cluster/deny-all.yaml': CNP,
      'ok/p.yaml': POLICY,
      'bad/baseline.yaml': BASELINE,
      'bad/cluster/deny-all.yaml': CNP.replace('priority: 1000', 'priority: -1'),
      'bad/cluster/wrong.yaml': CNP.replace('v1alpha2', 'v1alpha1').replace('deny-all', 'x'),
    });
    try {
      const ok = loadBaselineDir('ok', { cwd: t.dir });
      expect(ok.issues).toEqual([]);
      expect(ok.content?.policies.map((p) => p['kind'])).toEqual([
        'ClusterNetworkPolicy',
        'NetworkPolicy',
      ]);
      const bad = loadBaselineDir('bad', { cwd: t.dir });
      expect(bad.content).toBeUndefined();
      expect(bad.issues.map(formatBaselineIssue)).toEqual([
        expect.stringMatching(
          /^bad\/cluster\/deny-all\.yaml#1: ClusterNetworkPolicy deny-all: spec\.priority: .*\[INVALID_PRIORITY\]$/,
        ),
        'bad/cluster/wrong.yaml#1: expected apiVersion policy.networking.k8s.io/v1alpha2 for kind ClusterNetworkPolicy, got string "policy.networking.k8s.io/v1alpha1"',
      ]);
    } finally {
      t.remove();
    }
  });

  it('requires exactly one Baseline document', () => {
    const none = tree({ 'p.yaml': POLICY });
    const two = tree({ 'a.yaml': BASELINE, 'b.yaml': BASELINE });
    try {
      expect(loadBaselineDir(none.dir).issues.map((i) => i.message)).toEqual([
        'no Baseline document (apiVersion: fenceline.dev/v1alpha1, kind: Baseline) in the folder',
      ]);
      const issues = loadBaselineDir('.', { cwd: two.dir }).issues;
      expect(issues.map(formatBaselineIssue)).toEqual([
        'b.yaml#1: a second Baseline document (the first is a.yaml#1); a folder holds exactly one',
      ]);
    } finally {
      none.remove();
      two.remove();
    }
  });

  it('reports a missing folder and a Baseline without name', () => {
    expect(loadBaselineDir('/nonexistent/fenceline').issues.map((i) => i.message)).toContain(
      'no such file or directory',
    );
    const t = tree({
      'b.yaml': 'apiVersion: fenceline.dev/v1alpha1\nkind: Baseline\nmetadata: {}\n',
    });
    try {
      expect(loadBaselineDir(t.dir).issues.map((i) => i.message)).toEqual(['is required']);
    } finally {
      t.remove();
    }
  });
});
