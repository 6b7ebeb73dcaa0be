import fc from 'fast-check';
import { buildInventory, referenceDiff } from '../../src/index';
import { assertOverTraffic, expectVerdictAgreement, pickTraffic, RUNS } from './agreement';
import { clusterArbitrary } from './cluster-arbitrary';

describe('reference evaluator: per-port verdict and symbolic connections agree', () => {
  it('isAllowed(traffic) === allowedConnections(src, dst).has(protocol, port) on random clusters', () => {
    assertOverTraffic((objects, options, pick) => {
      const inventory = buildInventory(objects.map((object) => ({ object })));
      expect(inventory.issues).toEqual([]);
      const traffic = pickTraffic(inventory, pick);
      if (!traffic) return;
      const { verdict } = expectVerdictAgreement(inventory, traffic, options);
      expect(verdict.allowed).toBe(verdict.egress.allowed && verdict.ingress.allowed);
    });
  });

  it('a configuration diffed with itself is empty', () => {
    fc.assert(
      fc.property(clusterArbitrary, (objects) => {
        const inventory = buildInventory(objects.map((object) => ({ object })));
        expect(referenceDiff(inventory, inventory)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });
});
