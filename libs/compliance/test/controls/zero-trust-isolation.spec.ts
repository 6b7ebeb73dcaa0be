import { control, DB, deploy, inventoryOf, netpol, ns, WEB } from '../cluster';

const SHOP = [ns('shop'), deploy('shop', 'web', 'app: web'), deploy('shop', 'db', 'app: db')];

describe('ZT-1 default-deny ingress coverage', () => {
  it('passes when a podSelector {} Ingress policy isolates both pods', () => {
    // deny-in selects every pod of shop and lists Ingress: web and db are isolated (2/2).
    const inventory = inventoryOf(
      ...SHOP,
      netpol('shop', 'deny-in', '{ podSelector: {}, policyTypes: [Ingress] }'),
    );
    expect(control('zero-trust', 'ZT-1', { inventory })).toEqual({
      id: 'ZT-1',
      title: 'Default-deny ingress coverage',
      severity: 'high',
      status: 'pass',
      score: 1,
      evidence: [
        {
          namespace: 'shop',
          direction: 'ingress',
          totalPods: 2,
          isolatedPods: 2,
          unisolatedWorkloads: [],
          defaultDenyBy: ['shop/deny-in'],
        },
      ],
    });
  });

  it('fails with the unisolated workload when only db is selected', () => {
    // db-in selects app=db only: web is not isolated (1 of 2 pods isolated → 0.5).
    const inventory = inventoryOf(
      ...SHOP,
      netpol('shop', 'db-in', '{ podSelector: { matchLabels: { app: db } }, ingress: [] }'),
    );
    const result = control('zero-trust', 'ZT-1', { inventory });
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0.5);
    expect(result.evidence).toEqual([
      {
        status: 'fail',
        namespace: 'shop',
        workload: WEB,
        direction: 'ingress',
        unisolatedPods: ['web'],
        totalPods: 1,
      },
      {
        namespace: 'shop',
        direction: 'ingress',
        totalPods: 2,
        isolatedPods: 1,
        unisolatedWorkloads: [WEB],
        defaultDenyBy: ['shop/db-in'],
      },
    ]);
  });

  it('is not applicable without pods', () => {
    expect(control('zero-trust', 'ZT-1', { inventory: inventoryOf(ns('shop')) })).toMatchObject({
      status: 'not-applicable',
      evidence: [{ reason: 'no pods in the inventory' }],
    });
  });
});

describe('ZT-2 default-deny egress coverage', () => {
  it('passes when a podSelector {} Egress policy isolates both pods', () => {
    const inventory = inventoryOf(
      ...SHOP,
      netpol('shop', 'deny-out', '{ podSelector: {}, policyTypes: [Egress] }'),
    );
    expect(control('zero-trust', 'ZT-2', { inventory })).toMatchObject({
      status: 'pass',
      score: 1,
    });
  });

  it('fails for both workloads when policyTypes is omitted and there is no egress rule', () => {
    // policyTypes omitted + no spec.egress → the policy is Ingress only: no pod is egress-isolated.
    const inventory = inventoryOf(
      ...SHOP,
      netpol('shop', 'deny-in', '{ podSelector: {}, ingress: [] }'),
    );
    const result = control('zero-trust', 'ZT-2', { inventory });
    expect(result).toMatchObject({ status: 'fail', score: 0 });
    expect(result.evidence.filter((e) => e['status'] === 'fail').map((e) => e['workload'])).toEqual(
      [DB, WEB],
    );
  });
});
