import { control, DB, deploy, inventoryOf, netpol, ns, WEB } from '../cluster';

const SHOP = [
  ns('shop', 'team: shop'),
  deploy('shop', 'web', 'app: web'),
  deploy('shop', 'db', 'app: db'),
];

describe('ZT-4 namespace isolation', () => {
  it('passes when every ingress rule names its source namespaces', () => {
    // podSelector {} isolates web and db; the only rule admits namespaces labelled team=front.
    const inventory = inventoryOf(
      ...SHOP,
      netpol(
        'shop',
        'from-front',
        '{ podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: front } } }] }] }',
      ),
    );
    expect(control('zero-trust', 'ZT-4', { inventory })).toMatchObject({
      status: 'pass',
      score: 1,
    });
  });

  it('flags rules without from, namespaceSelector {} and unisolated workloads', () => {
    // shop/open selects web and db. Rule 0 has no from (every namespace); rule 1 peer 0 is
    // namespaceSelector {} + podSelector app=prom (pods of every namespace). other/tool is not
    // isolated for ingress at all. 0 of 3 workloads pass.
    const inventory = inventoryOf(
      ...SHOP,
      ns('other'),
      deploy('other', 'tool', 'app: tool'),
      netpol(
        'shop',
        'open',
        '{ podSelector: {}, ingress: [{ ports: [{ port: 80 }] }, { from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: prom } } }] }] }',
      ),
    );
    const result = control('zero-trust', 'ZT-4', { inventory });
    const openRules = [
      {
        policy: 'shop/open',
        rule: 0,
        reason: 'from missing or empty: admits every namespace (and every address)',
      },
      {
        policy: 'shop/open',
        rule: 1,
        peer: 0,
        reason: 'namespaceSelector {} admits pods of every namespace',
      },
    ];
    expect(result).toMatchObject({ status: 'fail', score: 0 });
    expect(result.evidence).toEqual([
      {
        status: 'fail',
        namespace: 'other',
        workload: 'other/tool[Deployment]',
        notIsolatedForIngress: ['tool'],
        openRules: [],
      },
      { status: 'fail', namespace: 'shop', workload: DB, openRules },
      { status: 'fail', namespace: 'shop', workload: WEB, openRules },
      { workloads: 3 },
    ]);
  });
});

describe('ZT-5 no over-broad rules', () => {
  it('passes for rules naming pods and a private range', () => {
    const inventory = inventoryOf(
      ...SHOP,
      netpol(
        'shop',
        'db',
        '{ podSelector: { matchLabels: { app: db } }, policyTypes: [Ingress, Egress], ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 5432 }] }], egress: [{ to: [{ ipBlock: { cidr: 10.0.0.0/8 } }], ports: [{ port: 443 }] }] }',
      ),
    );
    expect(control('zero-trust', 'ZT-5', { inventory })).toEqual(
      expect.objectContaining({ status: 'pass', score: 1, evidence: [{ rules: 2 }] }),
    );
  });

  it('does not flag namespaceSelector {} narrowed by a podSelector (DNS in any namespace)', () => {
    // One egress rule to kube-dns pods of any namespace: named by label, not "everyone".
    const inventory = inventoryOf(
      ...SHOP,
      netpol(
        'shop',
        'dns',
        '{ podSelector: {}, policyTypes: [Egress], egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { k8s-app: kube-dns } } }], ports: [{ port: 53, protocol: UDP }] }] }',
      ),
    );
    expect(control('zero-trust', 'ZT-5', { inventory })).toEqual(
      expect.objectContaining({ status: 'pass', score: 1 }),
    );
  });

  it('lists each over-broad rule with its direction, index and reasons', () => {
    // 4 rules: ingress[0] no from (broad), ingress[1] podSelector (fine), egress[0] 0.0.0.0/0
    // except 10/8 (broad), egress[1] namespaceSelector {} (broad) → 1/4 pass.
    const inventory = inventoryOf(
      ...SHOP,
      netpol(
        'shop',
        'wide',
        '{ podSelector: {}, policyTypes: [Ingress, Egress], ingress: [{ ports: [{ port: 80 }] }, { from: [{ podSelector: { matchLabels: { app: web } } }] }], egress: [{ to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8] } }] }, { to: [{ namespaceSelector: {} }] }] }',
      ),
    );
    const result = control('zero-trust', 'ZT-5', { inventory });
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0.25);
    expect(result.evidence).toEqual([
      {
        status: 'fail',
        namespace: 'shop',
        policy: 'shop/wide',
        direction: 'ingress',
        rule: 0,
        reasons: [{ reason: 'from missing or empty: every peer, every address included' }],
      },
      {
        status: 'fail',
        namespace: 'shop',
        policy: 'shop/wide',
        direction: 'egress',
        rule: 0,
        reasons: [{ peer: 0, reason: 'ipBlock 0.0.0.0/0 except 10.0.0.0/8: every IPv4 address' }],
      },
      {
        status: 'fail',
        namespace: 'shop',
        policy: 'shop/wide',
        direction: 'egress',
        rule: 1,
        reasons: [{ peer: 0, reason: 'namespaceSelector {}: every pod of every namespace' }],
      },
      { rules: 4 },
    ]);
  });
});

describe('ZT-6 internet exposure', () => {
  it('passes when no workload exchanges traffic with external addresses', () => {
    const inventory = inventoryOf(
      ...SHOP,
      netpol('shop', 'deny-all', '{ podSelector: {}, policyTypes: [Ingress, Egress] }'),
    );
    expect(control('zero-trust', 'ZT-6', { inventory })).toMatchObject({
      status: 'pass',
      score: 1,
    });
  });

  it('lists the external rows of the unisolated workload', () => {
    // db is isolated both ways with no rule; web is not isolated: every external address
    // reaches it and it reaches every external address (no ipBlock: a single IPv4 atom).
    const inventory = inventoryOf(
      ...SHOP,
      netpol(
        'shop',
        'db-deny',
        '{ podSelector: { matchLabels: { app: db } }, policyTypes: [Ingress, Egress] }',
      ),
    );
    const all = '0.0.0.0-255.255.255.255[External]';
    expect(control('zero-trust', 'ZT-6', { inventory })).toMatchObject({
      status: 'fail',
      score: 0.5,
      evidence: [
        {
          status: 'fail',
          namespace: 'shop',
          workload: WEB,
          ingressFrom: [{ peer: all, conn: 'All Connections' }],
          egressTo: [{ peer: all, conn: 'All Connections' }],
        },
        { workloads: 2 },
      ],
    });
  });
});

describe('ZT-7 policies that select no pods', () => {
  it('passes when every policy selects a pod', () => {
    const inventory = inventoryOf(
      ...SHOP,
      netpol('shop', 'web-in', '{ podSelector: { matchLabels: { app: web } } }'),
    );
    expect(control('zero-trust', 'ZT-7', { inventory })).toMatchObject({
      status: 'pass',
      score: 1,
    });
  });

  it('flags a policy whose podSelector matches no pod of its namespace', () => {
    const inventory = inventoryOf(
      ...SHOP,
      netpol('shop', 'web-in', '{ podSelector: { matchLabels: { app: web } } }'),
      netpol('shop', 'api-in', '{ podSelector: { matchLabels: { app: api } } }'),
    );
    expect(control('zero-trust', 'ZT-7', { inventory })).toMatchObject({
      status: 'fail',
      score: 0.5,
      evidence: [
        {
          status: 'fail',
          namespace: 'shop',
          policy: 'shop/api-in',
          podSelector: 'app=api',
          podsInNamespace: 2,
        },
        { policies: 2 },
      ],
    });
  });
});

describe('ZT-8 rules whose peers match nothing', () => {
  it('passes when the peer matches a pod', () => {
    const inventory = inventoryOf(
      ...SHOP,
      netpol(
        'shop',
        'db-in',
        '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }] }] }',
      ),
    );
    expect(control('zero-trust', 'ZT-8', { inventory })).toMatchObject({
      status: 'pass',
      score: 1,
    });
  });

  it('flags rules whose selector peers match no pod, not ipBlock rules', () => {
    // ingress[0]: podSelector app=ghost (no such pod); ingress[1]: an ipBlock (addresses);
    // ingress[2]: namespaceSelector team=ghost (no such namespace) → 2 of 3 dead.
    const inventory = inventoryOf(
      ...SHOP,
      netpol(
        'shop',
        'db-in',
        '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: ghost } } }] }, { from: [{ ipBlock: { cidr: 192.0.2.0/24 } }] }, { from: [{ namespaceSelector: { matchLabels: { team: ghost } } }] }] }',
      ),
    );
    const result = control('zero-trust', 'ZT-8', { inventory });
    expect(result.status).toBe('fail');
    expect(result.score).toBeCloseTo(1 / 3);
    expect(result.evidence).toEqual([
      {
        status: 'fail',
        namespace: 'shop',
        policy: 'shop/db-in',
        direction: 'ingress',
        rule: 0,
        peers: ['[0] podSelector app=ghost'],
      },
      {
        status: 'fail',
        namespace: 'shop',
        policy: 'shop/db-in',
        direction: 'ingress',
        rule: 2,
        peers: ['[0] namespaceSelector team=ghost'],
      },
      { rulesWithPeers: 3 },
    ]);
  });
});

describe('ZT-9 named ports that resolve on no destination', () => {
  const PG = [
    ns('shop'),
    deploy('shop', 'web', 'app: web'),
    deploy('shop', 'db', 'app: db', '[{ name: pg, containerPort: 5432 }]'),
  ];

  it('passes when the named port is a container port of the selected pod', () => {
    const inventory = inventoryOf(
      ...PG,
      netpol(
        'shop',
        'db-in',
        '{ podSelector: { matchLabels: { app: db } }, ingress: [{ ports: [{ port: pg }] }] }',
      ),
    );
    expect(control('zero-trust', 'ZT-9', { inventory })).toMatchObject({
      status: 'pass',
      score: 1,
      evidence: [{ namedPorts: 1 }],
    });
  });

  it('flags unknown names and protocol mismatches, in either direction', () => {
    // db-in: rule 0 port postgres (db has no such port), rule 1 port pg (resolves).
    // web-out: egress to app=db on pg/UDP (db's pg is TCP). 3 named ports, 1 resolves.
    const inventory = inventoryOf(
      ...PG,
      netpol(
        'shop',
        'db-in',
        '{ podSelector: { matchLabels: { app: db } }, ingress: [{ ports: [{ port: postgres }] }, { ports: [{ port: pg }] }] }',
      ),
      netpol(
        'shop',
        'web-out',
        '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Egress], egress: [{ to: [{ podSelector: { matchLabels: { app: db } } }], ports: [{ port: pg, protocol: UDP }] }] }',
      ),
    );
    const result = control('zero-trust', 'ZT-9', { inventory });
    expect(result.status).toBe('fail');
    expect(result.score).toBeCloseTo(1 / 3);
    expect(result.evidence).toEqual([
      {
        status: 'fail',
        namespace: 'shop',
        policy: 'shop/db-in',
        direction: 'ingress',
        rule: 0,
        port: 'postgres/TCP',
        destinationPods: 1,
      },
      {
        status: 'fail',
        namespace: 'shop',
        policy: 'shop/web-out',
        direction: 'egress',
        rule: 0,
        port: 'pg/UDP',
        destinationPods: 1,
      },
      { namedPorts: 3 },
    ]);
  });
});

describe('ZT-10 CNI enforces NetworkPolicy', () => {
  const inventory = inventoryOf(...SHOP);
  it.each([
    [
      undefined,
      'not-applicable',
      'cannot tell: no CNI information given (a cluster snapshot records it)',
    ],
    [
      { name: 'flannel', enforcesNetworkPolicy: null },
      'not-applicable',
      'cannot tell whether the CNI (flannel) enforces NetworkPolicy',
    ],
    [
      { name: 'flannel', enforcesNetworkPolicy: false },
      'fail',
      'the CNI does not enforce NetworkPolicy: no policy has any effect',
    ],
  ] as const)('cni %j → %s', (cni, status, reason) => {
    const result = control('zero-trust', 'ZT-10', { inventory, ...(cni ? { cni } : {}) });
    expect(result.status).toBe(status);
    expect(result.evidence[0]).toMatchObject({ reason });
  });

  it('passes when the CNI enforces', () => {
    expect(
      control('zero-trust', 'ZT-10', {
        inventory,
        cni: { name: 'calico', enforcesNetworkPolicy: true },
      }),
    ).toMatchObject({
      status: 'pass',
      evidence: [{ cni: 'calico', enforcesNetworkPolicy: true }],
    });
  });
});
