import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempTree } from '../../test/cli-harness';

const ns = (name: string, labels: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${name}, labels: { ${labels} } }\n`;
const deployment = (namespace: string, name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec: { template: { metadata: { labels: { app: ${name} } } } }
`;
const policy = (namespace: string, name: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: ${name}, namespace: ${namespace} }\nspec: ${spec}\n`;

/**
 * shop/web is open; payments/api (pci=true) admits shop/web on TCP 8443 only and is isolated for
 * egress with no rule. Every namespace has a policy (CIS 5.3.2 passes).
 */
const CLUSTER = [
  ns('shop', 'team: shop'),
  ns('payments', 'pci: "true"'),
  deployment('shop', 'web'),
  deployment('payments', 'api'),
  policy('shop', 'allow-all', '{ podSelector: {}, ingress: [{}] }'),
  policy(
    'payments',
    'api',
    '{ podSelector: {}, policyTypes: [Ingress, Egress], ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: shop } } }], ports: [{ port: 8443 }] }] }',
  ),
].join('---\n');

describe('fenceline report', () => {
  const tree = tempTree({
    'cluster/all.yaml': CLUSTER,
    'clean/all.yaml': [
      ns('shop', 'team: shop'),
      deployment('shop', 'web'),
      policy('shop', 'deny', '{ podSelector: {} }'),
    ].join('---\n'),
    'broken/all.yaml': `${CLUSTER}---\napiVersion: v1\nkind: Namespace\nmetadata: { name: Bad_Name }\n`,
    // An Admin-tier rule lets shop in on TCP 22, which payments/api's own policy does not admit.
    'override/all.yaml': `${CLUSTER}---\napiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: { name: admin-debug }\nspec: { tier: Admin, priority: 1, subject: { namespaces: { matchLabels: { pci: "true" } } }, ingress: [{ action: Accept, from: [{ namespaces: { matchLabels: { team: shop } } }], protocols: [{ tcp: { destinationPort: { number: 22 } } }] }] }\n`,
  });
  afterAll(() => tree.remove());

  it('prints exactly { framework, version, controls: [{ id, title, status, evidence }] } and exits 1 on a failing control', async () => {
    const result = await run(
      tree.dir,
      'report',
      'cluster',
      '--framework',
      'pci-dss',
      '--cde-namespace-selector',
      'pci=true',
      '--output',
      'json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      framework: string;
      version: string;
      controls: Record<string, unknown>[];
    };
    expect(report).toMatchObject({ framework: 'pci-dss', version: '4.0.1' });
    for (const c of report.controls)
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'title', 'status', 'evidence']));
    expect(report.controls.map((c) => `${String(c['id'])} ${String(c['status'])}`)).toEqual([
      '1.2.2 not-applicable', // no change records
      '1.2.5 fail', // shop/web → payments/api TCP 8443 is not declared
      '1.2.7 not-applicable', // no review date
      '1.3.1 fail',
      '1.3.1-admin not-applicable', // no Admin-tier Accept rule: nothing overrides the CDE's policies
      '1.3.2 pass', // api is egress-isolated with no rule: nothing leaves the CDE
      '1.4.1 pass', // api isolated both ways
      '1.4.2 pass', // no external address nor the ingress controller reaches api
      '11.4.5 fail',
    ]);
    expect(report.controls[3]!['evidence']).toEqual([
      {
        status: 'fail',
        namespace: 'payments',
        workload: 'payments/api[Deployment]',
        direction: 'inbound',
        src: 'shop/web[Deployment]',
        dst: 'payments/api[Deployment]',
        conn: 'TCP 8443',
        declared: 'No Connections',
        undeclared: 'TCP 8443',
      },
      { cdeWorkloads: ['payments/api[Deployment]'] },
    ]);
  });

  it('reads declared flows, change records, the review date and waivers from --context', async () => {
    // The same cluster, with shop/web → payments/api 8443 declared: 1.2.5, 1.3.1 and 11.4.5 now pass;
    // one approved change, reviewed 2 months before `now`: 1.2.2 and 1.2.7 pass.
    writeFileSync(
      join(tree.dir, 'context.yaml'),
      [
        'cde: { namespaceSelector: { matchLabels: { pci: "true" } } }',
        'cdeAllowed: { inbound: [ { namespaceSelector: { matchLabels: { team: shop } }, podSelector: { matchLabels: { app: web } }, ports: [ { port: 8443 } ] } ] }',
        'changeControl: { lastApprovedChangeAt: "2026-09-01T00:00:00Z", unapprovedChanges: 0 }',
        'lastReviewAt: "2026-09-01T00:00:00Z"',
        'now: "2026-11-01T00:00:00Z"',
      ].join('\n'),
    );
    const result = await run(
      tree.dir,
      'report',
      'cluster',
      '--framework',
      'pci-dss',
      '--context',
      'context.yaml',
      '--output',
      'json',
    );
    expect([result.code, result.stderr]).toEqual([0, '']);
    const report = JSON.parse(result.stdout) as { controls: { id: string; status: string }[] };
    expect(report.controls.map((c) => `${c.id} ${c.status}`)).toEqual([
      '1.2.2 pass',
      '1.2.5 pass',
      '1.2.7 pass',
      '1.3.1 pass',
      '1.3.1-admin not-applicable',
      '1.3.2 pass',
      '1.4.1 pass',
      '1.4.2 pass',
      '11.4.5 pass',
    ]);

    // ZT-5 fails for shop/allow-all (an ingress rule without `from`); an approved waiver for shop waives it, an expired one does not.
    const waiver = (expiresAt: string) =>
      `cluster: prod\nnow: "2026-11-01T00:00:00Z"\nwaivers: [ { id: W-1, controlId: ZT-5, scope: { namespace: shop }, expiresAt: "${expiresAt}", approvedBy: bob } ]\n`;
    writeFileSync(join(tree.dir, 'waiver.yaml'), waiver('2027-01-01T00:00:00Z'));
    const waived = JSON.parse(
      (
        await run(
          tree.dir,
          'report',
          'cluster',
          '--framework',
          'zero-trust',
          '--context',
          'waiver.yaml',
          '--output',
          'json',
        )
      ).stdout,
    ) as { controls: { id: string; status: string }[] };
    expect(waived.controls.find((c) => c.id === 'ZT-5')?.status).toBe('waived');
    writeFileSync(join(tree.dir, 'waiver.yaml'), waiver('2026-10-01T00:00:00Z'));
    const expired = JSON.parse(
      (
        await run(
          tree.dir,
          'report',
          'cluster',
          '--framework',
          'zero-trust',
          '--context',
          'waiver.yaml',
          '--output',
          'json',
        )
      ).stdout,
    ) as { controls: { id: string; status: string }[] };
    expect(expired.controls.find((c) => c.id === 'ZT-5')?.status).toBe('fail');

    writeFileSync(
      join(tree.dir, 'bad.yaml'),
      'cdeAllowed: { inbound: [ { cidr: 10.0.0.0/33 } ] }\n',
    );
    const bad = await run(
      tree.dir,
      'report',
      'cluster',
      '--framework',
      'pci-dss',
      '--context',
      'bad.yaml',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cdeAllowed.inbound[0].cidr');
    expect(
      (
        await run(
          tree.dir,
          'report',
          'cluster',
          '--framework',
          'pci-dss',
          '--context',
          'missing.yaml',
        )
      ).code,
    ).toBe(2);
  });

  it('prints a readable table with failing subjects and a summary line', async () => {
    const result = await run(tree.dir, 'report', 'cluster', '--framework', 'cis-k8s');
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'CIS Kubernetes Benchmark v1.9 — network policies (cis-k8s 1.9)',
        '',
        'CONTROL  STATUS          SEVERITY  SCORE  TITLE',
        '5.3.2    pass            medium     100%  All namespaces have network policies defined',
        '',
        'cis-k8s 1.9: 1 pass, 0 fail, 0 not-applicable, 0 waived; score 100%',
        '',
      ].join('\n'),
    });
    const zt = await run(tree.dir, 'report', 'cluster', '--framework', 'zero-trust');
    expect(zt.code).toBe(1);
    expect(zt.stdout).toContain(
      'ZT-2     fail            high        50%  Default-deny egress coverage\n' +
        '         status=fail namespace=shop workload=shop/web[Deployment] direction=egress unisolatedPods=[web] totalPods=1\n',
    );
    expect(zt.stdout).toContain(
      'ZT-10    not-applicable  critical   100%  CNI enforces NetworkPolicy\n         reason=cannot tell: no CNI information given',
    );
    const md = await run(tree.dir, 'report', 'cluster', '--framework', 'cis-k8s', '-o', 'md');
    expect(md.stdout).toContain(
      '| 5.3.2 | pass | medium | 100% | All namespaces have network policies defined |  |',
    );
  });

  it('reads the CNI from a snapshot (ZT-10)', async () => {
    const snap = await run(tree.dir, 'snapshot', 'clean');
    const snapshot = JSON.parse(snap.stdout) as { source: Record<string, unknown> };
    snapshot.source['cni'] = { name: 'flannel', enforcesNetworkPolicy: false };
    writeFileSync(join(tree.dir, 'flannel.json'), JSON.stringify(snapshot));
    const result = await run(
      tree.dir,
      'report',
      'flannel.json',
      '--framework',
      'zero-trust',
      '-o',
      'json',
    );
    const zt10 = (
      JSON.parse(result.stdout) as { controls: Record<string, unknown>[] }
    ).controls.find((c) => c['id'] === 'ZT-10');
    expect(zt10).toMatchObject({
      status: 'fail',
      evidence: [{ status: 'fail', cni: 'flannel', enforcesNetworkPolicy: false }],
    });
    expect(result.code).toBe(1);
  });

  it('exits 2 on invalid input: a bad selector, an unknown framework, an invalid object', async () => {
    const bad = await run(
      tree.dir,
      'report',
      'cluster',
      '--framework',
      'pci-dss',
      '--cde-namespace-selector',
      'pci',
    );
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--cde-namespace-selector: expected k=v');
    const badKey = await run(
      tree.dir,
      'report',
      'cluster',
      '--framework',
      'pci-dss',
      '--cde-namespace-selector',
      'bad key=x',
    );
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/^error: cde\.namespaceSelector\.matchLabels/);
    expect((await run(tree.dir, 'report', 'cluster', '--framework', 'sox')).code).toBe(2);
    expect((await run(tree.dir, 'report', 'cluster')).code).toBe(2);
    const broken = await run(tree.dir, 'report', 'broken', '--framework', 'cis-k8s');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('error: Namespace Bad_Name');
    expect(broken.stdout).toContain('5.3.2');
  });

  it('fails ZT-11 and 1.3.1-admin on an Admin-tier Accept overriding the CDE policy', async () => {
    // web and api are both isolated for ingress by NetworkPolicies (2 subjects); the Admin rule
    // opens shop/web → payments/api TCP 22 (api admits only 8443): 1 of 2 fails.
    const zt = await run(
      tree.dir,
      'report',
      'override',
      '--framework',
      'zero-trust',
      '--cde-namespace-selector',
      'pci=true',
    );
    expect(zt.code).toBe(1);
    expect(zt.stdout).toContain(
      'ZT-11    fail            high        50%  No Admin-tier Accept overrides a namespace deny\n' +
        '         status=fail namespace=payments workload=payments/api[Deployment] severity=critical cde=true policy=cnp/admin-debug kind=ClusterNetworkPolicy tier=Admin priority=1 direction=ingress rule=0 action=Accept sources=[{"src":"shop/web[Deployment]","conn":"TCP 22"}] deniedBy=[payments/api]\n',
    );
    const pci = await run(
      tree.dir,
      'report',
      'override',
      '--framework',
      'pci-dss',
      '--cde-namespace-selector',
      'pci=true',
      '-o',
      'json',
    );
    const control = (
      JSON.parse(pci.stdout) as { controls: Record<string, unknown>[] }
    ).controls.find((c) => c['id'] === '1.3.1-admin');
    expect(control).toMatchObject({
      status: 'fail',
      severity: 'critical',
      evidence: [
        {
          status: 'fail',
          workload: 'payments/api[Deployment]',
          policy: 'cnp/admin-debug',
          rule: 0,
          sources: [{ src: 'shop/web[Deployment]', conn: 'TCP 22' }],
          deniedBy: ['payments/api'],
        },
        { cdeWorkloads: ['payments/api[Deployment]'] },
      ],
    });
  });
});
