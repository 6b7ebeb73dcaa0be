import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempTree } from '../../test/cli-harness';

const BASELINE = `apiVersion: fenceline.dev/v1alpha1
kind: Baseline
metadata: { name: shop }
spec:
  sensitive: { namespaceSelector: { matchLabels: { team: payments } } }
  guardrails:
    - { type: require-default-deny, direction: ingress }
    - type: deny
      name: no-external-to-payments
      from: { cidr: 0.0.0.0/0 }
      to: { namespaceSelector: { matchLabels: { team: payments } } }
`;
const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny }
spec: { podSelector: {}, policyTypes: [Ingress] }
`;
const dbFromWeb = (extraPeer = '') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-from-web, namespace: payments }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress:
    - from:
        - namespaceSelector: { matchLabels: { team: shop } }
          podSelector: { matchLabels: { app: web } }${extraPeer}
      ports: [{ port: 5432 }]
`;
const deployment = (ns: string, name: string, app: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns} }
spec: { template: { metadata: { labels: { app: ${app} } } } }
`;
const WORKLOADS = [
  'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop, labels: { team: shop } }\n',
  'apiVersion: v1\nkind: Namespace\nmetadata: { name: payments, labels: { team: payments } }\n',
  deployment('shop', 'web', 'web'),
  deployment('payments', 'db', 'db'),
].join('---\n');
const placed = (ns: string) =>
  DEFAULT_DENY.replace('name: default-deny', `name: default-deny, namespace: ${ns}`);

/** The cluster as the baseline wants it, with `db` as its db-from-web policy, under `folder/`. */
function cluster(folder: string, db: string, extra = ''): Record<string, string> {
  return {
    [`${folder}/workloads.yaml`]: WORKLOADS + extra,
    [`${folder}/policies.yaml`]: [placed('shop'), placed('payments'), db].join('---\n'),
  };
}

const WEB = 'shop/web[Deployment]';
const DB = 'payments/db[Deployment]';

/** payments' Admin wall: dev is denied, everyone else passes on to the NetworkPolicies. */
const wall = (rules: string[]) => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: { name: payments-wall }
spec:
  tier: Admin
  priority: 10
  subject: { namespaces: { matchLabels: { team: payments } } }
  ingress:
${rules.map((r) => `    - ${r}\n`).join('')}`;
const DENY_DEV = '{ action: Deny, from: [{ namespaces: { matchLabels: { team: dev } } }] }';
const PASS_ALL = '{ action: Pass, from: [{ namespaces: {} }] }';

describe('fenceline drift', () => {
  const tree = tempTree({
    'baseline/baseline.yaml': BASELINE,
    'baseline/templates/default-deny.yaml': DEFAULT_DENY,
    'baseline/payments/db.yaml': dbFromWeb(),
    ...cluster('cluster', dbFromWeb()),
    ...cluster('edited', dbFromWeb('\n        - ipBlock: { cidr: 0.0.0.0/0 }')),
    ...cluster('client', dbFromWeb(), `---\n${deployment('shop', 'client', 'web')}`),
    ...cluster(
      'broken',
      dbFromWeb(),
      '---\napiVersion: v1\nkind: Namespace\nmetadata: { name: Bad_Name }\n',
    ),
    'bad-baseline/baseline.yaml': BASELINE.replace('cidr: 0.0.0.0/0', 'cidr: 0.0.0.0/33'),
    'tiered/baseline.yaml': BASELINE,
    'tiered/templates/default-deny.yaml': DEFAULT_DENY,
    'tiered/payments/db.yaml': dbFromWeb(),
    'tiered/cluster/wall.yaml': wall([DENY_DEV, PASS_ALL]),
    ...cluster('walled', dbFromWeb(), `---\n${wall([DENY_DEV, PASS_ALL])}`),
    ...cluster('reordered', dbFromWeb(), `---\n${wall([PASS_ALL, DENY_DEV])}`),
  });
  afterAll(() => tree.remove());

  it('finds no drift in a cluster that matches its baseline, and exits 0', async () => {
    expect(await run(tree.dir, 'drift', 'baseline', 'cluster')).toEqual({
      code: 0,
      stdout: 'no drift: 0 findings: 0 critical, 0 high, 0 medium, 0 low\n',
      stderr: '',
    });
    expect(await run(tree.dir, 'drift', 'baseline', 'cluster', '-o', 'json')).toEqual({
      code: 0,
      stdout: '[]\n',
      stderr: '',
    });
  });

  it('prints the findings as a JSON array of { kind, severity, subject, evidence } and exits 1', async () => {
    // db-from-web also admits every external address on 5432: a path into payments (sensitive)
    // the baseline does not allow, which the deny guardrail forbids too.
    const result = await run(tree.dir, 'drift', 'baseline', 'edited', '--output', 'json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(findings.map((f) => Object.keys(f))).toEqual(
      findings.map(() => ['kind', 'severity', 'subject', 'evidence']),
    );
    expect(
      findings.map((f) => `${String(f['severity'])} ${String(f['kind'])} ${String(f['subject'])}`),
    ).toEqual([
      'critical path-widened External → payments',
      'critical guardrail-violated guardrail no-external-to-payments',
      'high policy-modified NetworkPolicy payments/db-from-web',
    ]);
    expect(findings[0]!['evidence']).toEqual({
      rows: [
        {
          src: '0.0.0.0-255.255.255.255[External]',
          dst: DB,
          cluster: 'TCP 5432',
          baseline: 'No Connections',
        },
      ],
    });
  });

  it('prints a table grouped by severity with a summary line, or a Markdown table', async () => {
    const txt = await run(tree.dir, 'drift', 'baseline', 'edited');
    expect(txt.stdout).toBe(
      [
        'CRITICAL (2)',
        '  path-widened        External → payments',
        `      0.0.0.0-255.255.255.255[External] => ${DB} : TCP 5432 (baseline: No Connections)`,
        '  guardrail-violated  guardrail no-external-to-payments',
        `      0.0.0.0-255.255.255.255[External] => ${DB} : TCP 5432`,
        'HIGH (1)',
        '  policy-modified     NetworkPolicy payments/db-from-web',
        '      ingress: missing rule from pods app=web in namespaces team=shop on TCP 5432',
        '      ingress: unexpected rule from addresses 0.0.0.0/0 or pods app=web in namespaces team=shop on TCP 5432',
        '3 findings: 2 critical, 1 high, 0 medium, 0 low',
        '',
      ].join('\n'),
    );
    const md = await run(tree.dir, 'drift', 'baseline', 'edited', '-o', 'md');
    expect(md.stdout.split('\n').slice(0, 3)).toEqual([
      '| severity | kind | subject | details |',
      '| --- | --- | --- | --- |',
      `| critical | path-widened | External → payments | 0.0.0.0-255.255.255.255[External] => ${DB} : TCP 5432 (baseline: No Connections) |`,
    ]);
  });

  it('reports connections wider than a reference inventory or connlist JSON', async () => {
    // A new workload labelled app=web in shop: the policies are unchanged, but db-from-web now
    // admits it, and nothing isolates its egress. Only the accepted connectivity shows it.
    expect((await run(tree.dir, 'drift', 'baseline', 'client')).code).toBe(0);
    const CLIENT = 'shop/client[Deployment]';
    const expected = [
      {
        kind: 'connectivity-widened',
        severity: 'critical',
        subject: 'shop → payments',
        evidence: {
          rows: [
            {
              src: CLIENT,
              dst: DB,
              added: 'TCP 5432',
              reference: 'No Connections',
              current: 'TCP 5432',
            },
          ],
        },
      },
      {
        kind: 'connectivity-widened',
        severity: 'high',
        subject: 'shop → External',
        evidence: {
          rows: [
            {
              src: CLIENT,
              dst: '0.0.0.0-255.255.255.255[External]',
              added: 'All Connections',
              reference: 'No Connections',
              current: 'All Connections',
            },
          ],
        },
      },
    ];
    const withInventory = await run(
      tree.dir,
      'drift',
      'baseline',
      'client',
      '--reference',
      'cluster',
      '-o',
      'json',
    );
    expect([withInventory.code, JSON.parse(withInventory.stdout)]).toEqual([1, expected]);
    const connlist = await run(tree.dir, 'connlist', 'cluster', '-o', 'json');
    expect(JSON.parse(connlist.stdout)).toContainEqual({ src: WEB, dst: DB, conn: 'TCP 5432' });
    writeFileSync(join(tree.dir, 'accepted.json'), connlist.stdout);
    const withRows = await run(
      tree.dir,
      'drift',
      'baseline',
      'client',
      '--reference',
      'accepted.json',
      '-o',
      'json',
    );
    expect([withRows.code, JSON.parse(withRows.stdout)]).toEqual([1, expected]);
  });

  it('reads cluster policies in the baseline folder: missing, reordered or as expected', async () => {
    expect(await run(tree.dir, 'drift', 'tiered', 'walled')).toEqual({
      code: 0,
      stdout: 'no drift: 0 findings: 0 critical, 0 high, 0 medium, 0 low\n',
      stderr: '',
    });
    // Pass for everyone first: Deny dev is never reached. No dev pod here, so no path changes,
    // but the policy no longer means what the baseline says.
    expect(await run(tree.dir, 'drift', 'tiered', 'reordered')).toEqual({
      code: 1,
      stdout: [
        'HIGH (1)',
        '  policy-modified  ClusterNetworkPolicy payments-wall',
        '      ingress: rules in another order (the first matching rule decides)',
        '        expected 1. Deny from pods {} in namespaces team=dev on any port',
        '        expected 2. Pass from pods {} in namespaces {} on any port',
        '        actual   1. Pass from pods {} in namespaces {} on any port',
        '        actual   2. Deny from pods {} in namespaces team=dev on any port',
        '1 finding: 0 critical, 1 high, 0 medium, 0 low',
        '',
      ].join('\n'),
      stderr: '',
    });
    const missing = await run(tree.dir, 'drift', 'tiered', 'cluster', '-o', 'json');
    expect([missing.code, JSON.parse(missing.stdout)]).toEqual([
      1,
      [
        {
          kind: 'policy-missing',
          severity: 'high',
          subject: 'ClusterNetworkPolicy payments-wall',
          evidence: { kind: 'ClusterNetworkPolicy', name: 'payments-wall' },
        },
      ],
    ]);
    // The plain baseline does not hold the wall, and its subject is in scope: unknown.
    const unknown = await run(tree.dir, 'drift', 'baseline', 'walled', '-o', 'json');
    expect(
      (JSON.parse(unknown.stdout) as { kind: string; subject: string }[]).map(
        (f) => `${f.kind} ${f.subject}`,
      ),
    ).toEqual(['policy-unknown ClusterNetworkPolicy payments-wall']);
  });

  it('documents its exit codes', async () => {
    expect((await run(tree.dir, 'drift', '--help')).stdout).toContain(
      '0 no drift; 1 drift found; 2 invalid input',
    );
  });

  it('exits 2 on an invalid baseline, an invalid inventory or a missing reference', async () => {
    const bad = await run(tree.dir, 'drift', 'bad-baseline', 'cluster');
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: baseline: bad-baseline/baseline.yaml#1: spec.guardrails[1].from.cidr: "0.0.0.0/33" is not a CIDR\n',
    });
    const broken = await run(tree.dir, 'drift', 'baseline', 'broken', '-o', 'json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /^error: Namespace Bad_Name \(broken\/workloads\.yaml#5\): metadata\.name: .*\[INVALID_NAME\]/,
    );
    expect(JSON.parse(broken.stdout)).toEqual([]);
    const missing = await run(tree.dir, 'drift', 'baseline', 'cluster', '--reference', 'nowhere');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: reference: File nowhere: no such file or directory/);
    expect((await run(tree.dir, 'drift', 'baseline')).code).toBe(2);
  });
});
