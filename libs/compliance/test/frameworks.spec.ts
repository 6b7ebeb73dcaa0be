import { CHECK_IDS, FRAMEWORKS } from '../src/index';
import { CHECKS } from '../src/checks/checks';

describe('frameworks as data', () => {
  it('have unique ids, and unique control ids per framework', () => {
    expect(new Set(FRAMEWORKS.map((f) => f.id)).size).toBe(FRAMEWORKS.length);
    for (const f of FRAMEWORKS)
      expect(new Set(f.controls.map((c) => c.id)).size).toBe(f.controls.length);
  });

  it('name only checks that exist, and every check is used', () => {
    for (const f of FRAMEWORKS)
      for (const c of f.controls) expect(typeof CHECKS[c.check]).toBe('function');
    const used = new Set(FRAMEWORKS.flatMap((f) => f.controls.map((c) => c.check)));
    expect([...CHECK_IDS].filter((id) => !used.has(id))).toEqual([]);
  });

  it('carry the versions and control lists of the brief', () => {
    expect(
      FRAMEWORKS.map((f) => `${f.id}@${f.version}: ${f.controls.map((c) => c.id).join(' ')}`),
    ).toEqual([
      'zero-trust@1.1: ZT-1 ZT-2 ZT-3 ZT-4 ZT-5 ZT-6 ZT-7 ZT-8 ZT-9 ZT-10 ZT-11',
      'pci-dss@4.0.1: 1.2.2 1.2.5 1.2.7 1.3.1 1.3.1-admin 1.3.2 1.4.1 1.4.2 11.4.5',
      'cis-k8s@1.9: 5.3.2',
      'nsa-cisa@1.2: NSA-1 NSA-2 NSA-3',
    ]);
  });
});
