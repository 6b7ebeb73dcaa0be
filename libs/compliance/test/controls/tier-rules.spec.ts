import { cnp, control, deploy, inventoryOf, ns } from '../cluster';

/**
 * shop/web (container port http 8080) and shop/db, no NetworkPolicy; four cluster policies:
 *   open-in   Admin 20: Accept ingress from every pod, Accept egress to 0.0.0.0/0  (over-broad ×2)
 *   ghost     Admin 30: subject team=nobody (no namespace has it); Deny from pods app=nothing
 *   metrics   Admin 40: Accept from team=shop on named port metrics (rule 0), http (rule 1)
 *   deny-all  Baseline: Deny every pod / every address (broad, but a Deny admits nothing)
 */
const inventory = inventoryOf(
  ns('shop', 'team: shop'),
  deploy('shop', 'web', 'app: web', '[{ name: http, containerPort: 8080 }]'),
  deploy('shop', 'db', 'app: db'),
  cnp(
    'open-in',
    '{ tier: Admin, priority: 20, subject: { namespaces: {} }, ingress: [{ action: Accept, from: [{ namespaces: {} }] }], egress: [{ action: Accept, to: [{ networks: [0.0.0.0/0] }] }] }',
  ),
  cnp(
    'ghost',
    '{ tier: Admin, priority: 30, subject: { namespaces: { matchLabels: { team: nobody } } }, ingress: [{ action: Deny, from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: nothing } } } }] }] }',
  ),
  cnp(
    'metrics',
    '{ tier: Admin, priority: 40, subject: { namespaces: {} }, ingress: [{ action: Accept, from: [{ namespaces: { matchLabels: { team: shop } } }], protocols: [{ destinationNamedPort: metrics }] }, { action: Accept, from: [{ namespaces: { matchLabels: { team: shop } } }], protocols: [{ destinationNamedPort: http }] }] }',
  ),
  cnp(
    'deny-all',
    '{ tier: Baseline, priority: 1, subject: { namespaces: {} }, ingress: [{ action: Deny, from: [{ namespaces: {} }] }], egress: [{ action: Deny, to: [{ networks: [0.0.0.0/0] }] }] }',
  ),
);

const rule = (
  policy: string,
  priority: number,
  direction: string,
  index: number,
  action: string,
) => ({
  status: 'fail',
  policy: `cnp/${policy}`,
  kind: 'ClusterNetworkPolicy',
  tier: 'Admin',
  priority,
  direction,
  rule: index,
  action,
});

describe('rule checks over cluster policies', () => {
  it('ZT-5 fails the broad Accept rules only (2 of 4 Accept rules)', () => {
    expect(control('zero-trust', 'ZT-5', { inventory })).toMatchObject({
      status: 'fail',
      score: 0.5,
      evidence: [
        {
          ...rule('open-in', 20, 'ingress', 0, 'Accept'),
          reasons: [{ peer: 0, reason: 'every pod of every namespace' }],
        },
        {
          ...rule('open-in', 20, 'egress', 0, 'Accept'),
          reasons: [{ peer: 0, reason: 'networks 0.0.0.0/0: every IPv4 address' }],
        },
        { rules: 0, clusterAcceptRules: 4 },
      ],
    });
  });

  it('ZT-7 fails the cluster policy whose subject selects no pod (1 of 4)', () => {
    expect(control('zero-trust', 'ZT-7', { inventory })).toEqual({
      id: 'ZT-7',
      title: 'No policy selects nothing',
      severity: 'low',
      status: 'fail',
      score: 0.75,
      evidence: [
        {
          status: 'fail',
          policy: 'cnp/ghost',
          kind: 'ClusterNetworkPolicy',
          tier: 'Admin',
          subject: 'namespaces team=nobody',
        },
        { policies: 0, clusterPolicies: 4 },
      ],
    });
  });

  it('ZT-8 fails the rule whose pod peers match nothing (1 of 7 rules)', () => {
    // Rules: open-in ×2, ghost ×1, metrics ×2, deny-all ×2. networks peers always name addresses.
    const result = control('zero-trust', 'ZT-8', { inventory });
    expect(result.score).toBeCloseTo(6 / 7, 12);
    expect(result.evidence).toEqual([
      {
        ...rule('ghost', 30, 'ingress', 0, 'Deny'),
        peers: ['[0] pods app=nothing in namespaces {}'],
      },
      { rulesWithPeers: 0, clusterRules: 7 },
    ]);
  });

  it('ZT-9 fails the named port no selected pod has (metrics), not http', () => {
    expect(control('zero-trust', 'ZT-9', { inventory })).toMatchObject({
      status: 'fail',
      score: 0.5,
      evidence: [
        { ...rule('metrics', 40, 'ingress', 0, 'Accept'), port: 'metrics', destinationPods: 2 },
        { namedPorts: 0, clusterNamedPorts: 2 },
      ],
    });
  });
});

describe('exposure through cluster policies', () => {
  it('ZT-6 names the Admin Accept rule that opens egress to every IPv4 address', () => {
    // web's and db's egress: open-in (Admin 20) accepts 0.0.0.0/0 on every port before the
    // Baseline deny-all is reached. No IPv6 range is named, so IPv4 is the whole external space.
    const result = control('zero-trust', 'ZT-6', { inventory });
    const web = result.evidence.find((e) => e['workload'] === 'shop/web[Deployment]');
    const egress = (web?.['egressTo'] ?? []) as Record<string, unknown>[];
    expect(egress.filter((e) => e['acceptedBy'])).toEqual([
      {
        peer: '0.0.0.0-255.255.255.255[External]',
        conn: 'All Connections',
        acceptedBy: ['cnp/open-in egress rule 0'],
      },
    ]);
    expect(egress.filter((e) => !e['acceptedBy'])).toEqual([]);
  });
});
