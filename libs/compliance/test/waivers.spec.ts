import { evaluateFramework, type Waiver } from '../src/index';
import { deploy, inventoryOf, netpol, ns } from './cluster';

/** ZT-1 fails for two workloads: shop/web (team=web) and legacy/old; shop/db is isolated. */
const inventory = inventoryOf(
  ns('shop'),
  ns('legacy'),
  deploy('shop', 'web', 'app: web, team: web'),
  deploy('shop', 'db', 'app: db'),
  deploy('legacy', 'old', 'app: old'),
  netpol('shop', 'db-in', '{ podSelector: { matchLabels: { app: db } } }'),
);
const NOW = '2025-06-01T00:00:00Z';
const waiver = (id: string, scope: Waiver['scope'], extra: Partial<Waiver> = {}): Waiver => ({
  id,
  controlId: 'ZT-1',
  scope,
  expiresAt: '2025-12-31T00:00:00Z',
  approvedBy: 'alice',
  ...extra,
});
const zt1 = (waivers: Waiver[], cluster?: string) => {
  const report = evaluateFramework(
    'zero-trust',
    { inventory },
    { waivers, now: NOW, ...(cluster ? { cluster } : {}) },
  );
  return { report, result: report.controls.find((c) => c.id === 'ZT-1')! };
};

describe('waivers', () => {
  it('waive a control when every failing subject is covered, and are reported as used', () => {
    const { report, result } = zt1([
      waiver('W-legacy', { namespace: 'legacy' }),
      waiver('W-web', { workloadLabels: { team: 'web' } }),
      waiver('W-other', { namespace: 'other' }),
    ]);
    expect(result.status).toBe('waived');
    expect(result.waivedBy).toEqual(['W-legacy', 'W-web']);
    expect(result.evidence.slice(0, 2)).toEqual([
      expect.objectContaining({
        status: 'waived',
        workload: 'legacy/old[Deployment]',
        waivedBy: ['W-legacy'],
      }),
      expect.objectContaining({
        status: 'waived',
        workload: 'shop/web[Deployment]',
        waivedBy: ['W-web'],
      }),
    ]);
    expect(result.score).toBeCloseTo(1 / 3); // the score stays technical: 1 of 3 pods isolated
    expect(report.usedWaivers).toEqual(['W-legacy', 'W-web']);
    expect(report.summary.waived).toBe(1);
  });

  it('partial coverage keeps the control failing, with the waived subjects marked', () => {
    const { report, result } = zt1([waiver('W-legacy', { namespace: 'legacy' })]);
    expect(result.status).toBe('fail');
    expect(result.evidence.slice(0, 2).map((e) => e['status'])).toEqual(['waived', 'fail']);
    expect(report.usedWaivers).toEqual(['W-legacy']);
  });

  it('never applies an expired or unapproved waiver, another control or another cluster', () => {
    const cases: Waiver[][] = [
      [waiver('W', {}, { expiresAt: '2025-05-31T23:59:59Z' })],
      [waiver('W', {}, { approvedBy: undefined })],
      [waiver('W', {}, { approvedBy: '  ' })],
      [waiver('W', {}, { controlId: 'ZT-2' })],
      [waiver('W', { cluster: 'prod' })],
    ];
    for (const waivers of cases) {
      const { result } = zt1(waivers, 'staging');
      expect(result.status).toBe('fail');
      expect(result.waivedBy).toBeUndefined();
    }
    // The ZT-2 waiver does apply to ZT-2 (which fails for all three workloads).
    expect(zt1([waiver('W', {}, { controlId: 'ZT-2' })]).report.usedWaivers).toEqual(['W']);
    // A cluster-wide scope (no namespace, no labels) on the right cluster covers everything.
    expect(zt1([waiver('W', { cluster: 'prod' })], 'prod').result.status).toBe('waived');
  });

  it('rejects an invalid waiver with its field path', () => {
    expect(() => zt1([{ ...waiver('W', {}), expiresAt: 'soon' }])).toThrow(
      /waivers\[0\]\.expiresAt/,
    );
  });
});
