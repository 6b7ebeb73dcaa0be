import { coverageReport } from '../../src/index';
import { anp, banp, cnp, control, DB, deploy, inventoryOf, netpol, ns, WEB } from '../cluster';

const SHOP = [
  ns('shop', 'team: shop'),
  deploy('shop', 'web', 'app: web'),
  deploy('shop', 'db', 'app: db'),
];

/** Baseline tier: every pod source and every IPv4 address denied, for every pod. */
const BASELINE_DENY_ALL = cnp(
  'default-deny',
  '{ tier: Baseline, priority: 100, subject: { namespaces: {} }, ingress: [{ action: Deny, from: [{ namespaces: {} }] }], egress: [{ action: Deny, to: [{ networks: [0.0.0.0/0] }] }] }',
);

describe('default deny from a Baseline-tier ClusterNetworkPolicy', () => {
  const inventory = inventoryOf(...SHOP, BASELINE_DENY_ALL);

  it('passes ZT-1 and ZT-2, naming the cluster rule that isolates', () => {
    // No NetworkPolicy isolates web or db, so the Baseline tier is reached: its rule 0 matches
    // every pod source (ingress) and its egress rule 0 every IPv4 address: both 2/2.
    for (const [id, direction] of [
      ['ZT-1', 'ingress'],
      ['ZT-2', 'egress'],
    ] as const) {
      expect(control('zero-trust', id, { inventory })).toMatchObject({
        status: 'pass',
        score: 1,
        evidence: [
          {
            namespace: 'shop',
            direction,
            totalPods: 2,
            isolatedPods: 2,
            unisolatedWorkloads: [],
            defaultDenyBy: [`cnp/default-deny ${direction} rule 0`],
          },
        ],
      });
    }
  });

  it('fails ZT-1 and ZT-2 for both workloads once that policy is removed', () => {
    const open = inventoryOf(...SHOP);
    for (const id of ['ZT-1', 'ZT-2']) {
      const result = control('zero-trust', id, { inventory: open });
      expect(result).toMatchObject({ status: 'fail', score: 0 });
      expect(
        result.evidence.filter((e) => e['status'] === 'fail').map((e) => e['workload']),
      ).toEqual([DB, WEB]);
    }
  });

  it('counts for NSA-1/NSA-2 and CIS 5.3.2, and in the coverage report', () => {
    expect(control('nsa-cisa', 'NSA-1', { inventory })).toMatchObject({
      status: 'pass',
      evidence: [
        {
          namespace: 'shop',
          direction: 'ingress',
          defaultDeny: ['cnp/default-deny ingress rule 0'],
        },
      ],
    });
    expect(control('nsa-cisa', 'NSA-2', { inventory }).status).toBe('pass');
    // shop has no NetworkPolicy but the policy's subject (namespaces {}) selects it.
    expect(control('cis-k8s', '5.3.2', { inventory })).toMatchObject({
      status: 'pass',
      evidence: [
        { namespaces: ['shop'] },
        { namespace: 'shop', clusterPolicies: ['cnp/default-deny'] },
      ],
    });
    const report = coverageReport(inventory);
    expect(report).toMatchObject({ totalPods: 2, ingressIsolatedPods: 2, egressIsolatedPods: 2 });
    expect(report.defaultDeny).toEqual([
      {
        namespace: 'shop',
        ingress: ['cnp/default-deny ingress rule 0'],
        egress: ['cnp/default-deny egress rule 0'],
      },
    ]);
    expect(report.workloadsWithoutIngressIsolation).toEqual([]);
  });
});

describe('default deny from an Admin-tier Deny with a Pass exception list', () => {
  // Rule 0 passes shop's own pods on to NetworkPolicy (none) and Baseline (none): allowed by
  // default; rule 1 denies every other pod. The catch-all is rule 1: default deny, exceptions first.
  const inventory = inventoryOf(
    ...SHOP,
    cnp(
      'tenant-wall',
      '{ tier: Admin, priority: 10, subject: { namespaces: {} }, ingress: [{ name: same-team, action: Pass, from: [{ namespaces: { matchLabels: { team: shop } } }] }, { name: others, action: Deny, from: [{ namespaces: {} }] }] }',
    ),
  );

  it('passes ZT-1 with the Deny rule as evidence; ZT-2 still fails', () => {
    expect(control('zero-trust', 'ZT-1', { inventory })).toMatchObject({
      status: 'pass',
      evidence: [{ namespace: 'shop', defaultDenyBy: ['cnp/tenant-wall ingress rule 1 (others)'] }],
    });
    expect(control('zero-trust', 'ZT-2', { inventory })).toMatchObject({
      status: 'fail',
      score: 0,
    });
  });

  it('passes ZT-4: a Pass or Deny rule admits no namespace', () => {
    expect(control('zero-trust', 'ZT-4', { inventory }).status).toBe('pass');
  });
});

describe('an Admin-tier catch-all Allow before a namespace default deny', () => {
  // deny-in would isolate both pods; the AdminNetworkPolicy (priority 5) allows every pod source
  // first, so traffic no rule names is allowed: not default deny.
  const inventory = inventoryOf(
    ...SHOP,
    netpol('shop', 'deny-in', '{ podSelector: {}, policyTypes: [Ingress] }'),
    anp(
      'allow-all-in',
      '{ priority: 5, subject: { namespaces: {} }, ingress: [{ action: Allow, from: [{ namespaces: {} }] }] }',
    ),
  );

  it('fails ZT-1, NSA-1 (naming the override) and ZT-4 (naming the open Admin rule)', () => {
    expect(control('zero-trust', 'ZT-1', { inventory })).toMatchObject({
      status: 'fail',
      score: 0,
    });
    expect(control('nsa-cisa', 'NSA-1', { inventory }).evidence).toEqual([
      {
        status: 'fail',
        namespace: 'shop',
        direction: 'ingress',
        reason: 'an Admin-tier catch-all Accept overrides the podSelector {} policies',
        overriddenBy: 'anp/allow-all-in ingress rule 0',
        policies: ['shop/deny-in'],
      },
    ]);
    expect(control('zero-trust', 'ZT-4', { inventory }).evidence[0]).toEqual({
      status: 'fail',
      namespace: 'shop',
      workload: DB,
      notIsolatedForIngress: ['db'],
      openRules: [
        {
          policy: 'anp/allow-all-in',
          tier: 'Admin',
          priority: 5,
          rule: 0,
          peer: 0,
          reason: 'namespaceSelector {} admits pods of every namespace',
        },
      ],
    });
  });
});

describe('a BaselineAdminNetworkPolicy deny that a NetworkPolicy overrides', () => {
  const CDE = { namespaceSelector: { matchLabels: { pci: 'true' } } };
  const PDB = 'payments/db[Deployment]';
  // web (shop) is default deny through banp/default; db (payments) is isolated by db-in, so the
  // Baseline tier is never reached for it: web → db TCP 5432 is allowed, nothing else into db.
  const inventory = inventoryOf(
    ns('shop', 'team: shop'),
    ns('payments', 'pci: "true"'),
    deploy('shop', 'web', 'app: web'),
    deploy('payments', 'db', 'app: db'),
    banp(
      '{ subject: { namespaces: {} }, ingress: [{ action: Deny, from: [{ namespaces: {} }] }] }',
    ),
    netpol(
      'payments',
      'db-in',
      '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: shop } } }], ports: [{ port: 5432 }] }] }',
    ),
  );

  it('ZT-1 names both sources of default deny', () => {
    expect(control('zero-trust', 'ZT-1', { inventory })).toMatchObject({
      status: 'pass',
      evidence: [
        { namespace: 'payments', defaultDenyBy: ['payments/db-in'] },
        { namespace: 'shop', defaultDenyBy: ['banp/default ingress rule 0'] },
      ],
    });
  });

  it('PCI 1.3.1 sees the flow the NetworkPolicy allows over the Baseline deny', () => {
    expect(control('pci-dss', '1.3.1', { inventory, cde: CDE }).evidence).toEqual([
      {
        status: 'fail',
        namespace: 'payments',
        workload: PDB,
        direction: 'inbound',
        src: WEB,
        dst: PDB,
        conn: 'TCP 5432',
        declared: 'No Connections',
        undeclared: 'TCP 5432',
      },
      { cdeWorkloads: [PDB] },
    ]);
    expect(control('pci-dss', '1.4.1', { inventory, cde: CDE }).evidence).toEqual([
      {
        status: 'fail',
        namespace: 'payments',
        workload: PDB,
        notIsolated: ['egress'],
        defaultDenyBy: { ingress: ['payments/db-in'], egress: [] },
      },
      {
        cdeWorkloads: [PDB],
        defaultDenyBy: [{ workload: PDB, ingress: ['payments/db-in'], egress: [] }],
      },
    ]);
  });
});
