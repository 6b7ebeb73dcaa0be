import { anp, cnp, control, deploy, inventoryOf, netpol, ns, WEB } from '../cluster';

const PDB = 'payments/db[Deployment]';
const PROM = 'monitoring/prom[Deployment]';
const CDE = { namespaceSelector: { matchLabels: { pci: 'true' } } };

// Admin tier, priority 20: shop may reach payments' db on TCP 5432.
const SHOP_TO_DB_POLICY = cnp(
  'shop-to-db',
  '{ tier: Admin, priority: 20, subject: { pods: { namespaceSelector: { matchLabels: { pci: "true" } }, podSelector: { matchLabels: { app: db } } } }, ingress: [{ action: Accept, from: [{ namespaces: { matchLabels: { team: shop } } }], protocols: [{ tcp: { destinationPort: { number: 5432 } } }] }] }',
);

const BASE = [
  ns('shop', 'team: shop'),
  ns('payments', 'pci: "true"'),
  ns('monitoring', 'role: monitoring'),
  deploy('shop', 'web', 'app: web'),
  deploy('payments', 'db', 'app: db', '[{ containerPort: 5432 }]'),
  deploy('monitoring', 'prom', 'app: prom'),
  // Admin tier, priority 10: monitoring may scrape every pod on TCP 9090.
  anp(
    'monitoring',
    '{ priority: 10, subject: { namespaces: {} }, ingress: [{ name: scrape, action: Allow, from: [{ namespaces: { matchLabels: { role: monitoring } } }], ports: [{ portNumber: { protocol: TCP, port: 9090 } }] }] }',
  ),
  SHOP_TO_DB_POLICY,
];

/**
 * payments/deny-in isolates db for ingress and admits nothing. Both Admin rules are evaluated
 * first and accept: prom → db TCP 9090 (anp/monitoring rule 0) and web → db TCP 5432
 * (cnp/shop-to-db rule 0), against the namespace's deny. Neither source is egress-isolated, so
 * both are open. web and prom are not isolated by any NetworkPolicy: nothing is overridden there.
 */
const inventory = inventoryOf(
  ...BASE,
  netpol('payments', 'deny-in', '{ podSelector: {}, policyTypes: [Ingress] }'),
);

const MONITORING = {
  namespace: 'payments',
  workload: PDB,
  policy: 'anp/monitoring',
  kind: 'AdminNetworkPolicy',
  tier: 'Admin',
  priority: 10,
  direction: 'ingress',
  rule: 0,
  ruleName: 'scrape',
  action: 'Accept',
  sources: [{ src: PROM, conn: 'TCP 9090' }],
  deniedBy: ['payments/deny-in'],
};
const SHOP_TO_DB = {
  namespace: 'payments',
  workload: PDB,
  policy: 'cnp/shop-to-db',
  kind: 'ClusterNetworkPolicy',
  tier: 'Admin',
  priority: 20,
  direction: 'ingress',
  rule: 0,
  action: 'Accept',
  sources: [{ src: WEB, conn: 'TCP 5432' }],
  deniedBy: ['payments/deny-in'],
};

describe('ZT-11 Admin-tier Accept overriding a namespace deny', () => {
  it('fails with each overriding rule, critical for the CDE workload', () => {
    expect(control('zero-trust', 'ZT-11', { inventory, cde: CDE })).toEqual({
      id: 'ZT-11',
      title: 'No Admin-tier Accept overrides a namespace deny',
      severity: 'high',
      status: 'fail',
      score: 0, // 1 workload isolated by NetworkPolicy (db), and it is overridden
      evidence: [
        { status: 'fail', ...MONITORING, severity: 'critical', cde: true },
        { status: 'fail', ...SHOP_TO_DB, severity: 'critical', cde: true },
        { isolatedWorkloads: 1 },
      ],
    });
  });

  it('counts every namespace without a CDE (severity high)', () => {
    const result = control('zero-trust', 'ZT-11', { inventory });
    expect(result.evidence.slice(0, 2)).toEqual([
      { status: 'fail', ...MONITORING, severity: 'high' },
      { status: 'fail', ...SHOP_TO_DB, severity: 'high' },
    ]);
  });

  it('ignores what the NetworkPolicies admit anyway and what the source cannot send', () => {
    // db-in admits monitoring on TCP 9090 itself: the Admin Allow overrides nothing there.
    // shop/deny-out isolates web's egress with no rule: web → db is not open end to end.
    const admitted = inventoryOf(
      ...BASE,
      netpol(
        'payments',
        'db-in',
        '{ podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { role: monitoring } } }], ports: [{ port: 9090 }] }] }',
      ),
      netpol('shop', 'deny-out', '{ podSelector: {}, policyTypes: [Egress] }'),
    );
    expect(control('zero-trust', 'ZT-11', { inventory: admitted })).toMatchObject({
      status: 'pass',
      score: 1,
      evidence: [{ isolatedWorkloads: 1 }],
    });
  });

  it('is not applicable without an Admin-tier Accept ingress rule', () => {
    const plain = inventoryOf(
      ns('payments'),
      deploy('payments', 'db', 'app: db'),
      netpol('payments', 'deny-in', '{ podSelector: {}, policyTypes: [Ingress] }'),
    );
    expect(control('zero-trust', 'ZT-11', { inventory: plain })).toMatchObject({
      status: 'not-applicable',
      evidence: [{ reason: 'no Admin-tier Accept ingress rule' }],
    });
  });
});

describe('PCI DSS 1.3.1-admin: cluster-admin overrides into the CDE', () => {
  it('fails with the rules opening the CDE from outside it; 1.3.1 sees the same flows', () => {
    expect(control('pci-dss', '1.3.1-admin', { inventory, cde: CDE })).toEqual({
      id: '1.3.1-admin',
      title: 'Inbound traffic to the CDE is not opened by cluster-admin overrides',
      severity: 'critical',
      status: 'fail',
      score: 0,
      evidence: [
        { status: 'fail', ...MONITORING },
        { status: 'fail', ...SHOP_TO_DB },
        { cdeWorkloads: [PDB] },
      ],
    });
    // The flows come from the tier-aware model: both overrides are open into the CDE.
    const inbound = control('pci-dss', '1.3.1', { inventory, cde: CDE }).evidence;
    // Each flow names the cluster rule that exposes it.
    const failing = inbound.filter((e) => e['status'] === 'fail');
    expect(failing.map((e) => [e['src'], e['conn'], e['acceptedBy']])).toEqual([
      [PROM, 'TCP 9090', ['anp/monitoring ingress rule 0 (scrape)']],
      [WEB, 'TCP 5432', ['cnp/shop-to-db ingress rule 0']],
    ]);
  });

  it('leaves out overrides from inside the CDE, and is not applicable without a CDE', () => {
    // With monitoring inside the CDE too, only shop → db crosses the boundary.
    const wide = {
      namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' as const }] },
    };
    expect(control('pci-dss', '1.3.1-admin', { inventory, cde: wide }).evidence).toEqual([
      { status: 'fail', ...SHOP_TO_DB },
      { cdeWorkloads: [PROM, PDB] }, // workloads in name order
    ]);
    expect(control('pci-dss', '1.3.1-admin', { inventory })).toMatchObject({
      status: 'not-applicable',
      evidence: [{ reason: 'no CDE declared' }],
    });
  });
});

describe('overrides into pods of one workload that differ by address', () => {
  const pod = (name: string, ip: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, namespace: payments, labels: { app: db }, ownerReferences: [{ kind: ReplicaSet, name: db-rs, controller: true }] }\nspec: { containers: [{ name: main }] }\nstatus: { podIP: ${ip} }\n`;

  it('finds the override through the pod the source can reach', () => {
    // web may not send anything to 10.0.0.1 (Admin egress Deny, a networks peer matching db-1's
    // address), so only web → db-2 TCP 5432 is open: still an override into payments/db-rs.
    const inventory = inventoryOf(
      ns('shop', 'team: shop'),
      ns('payments', 'pci: "true"'),
      deploy('shop', 'web', 'app: web'),
      pod('db-1', '10.0.0.1'),
      pod('db-2', '10.0.0.2'),
      netpol('payments', 'deny-in', '{ podSelector: {}, policyTypes: [Ingress] }'),
      SHOP_TO_DB_POLICY,
      cnp(
        'no-db-1',
        '{ tier: Admin, priority: 1, subject: { namespaces: { matchLabels: { team: shop } } }, egress: [{ action: Deny, to: [{ networks: [10.0.0.1/32] }] }] }',
      ),
    );
    expect(control('zero-trust', 'ZT-11', { inventory }).evidence).toEqual([
      { status: 'fail', ...SHOP_TO_DB, workload: 'payments/db-rs[ReplicaSet]', severity: 'high' },
      { isolatedWorkloads: 1 },
    ]);
  });
});
