import fc from 'fast-check';
import { buildInventory } from '../../src/index';
import { expectAgreement, expectConnlistAgreement, RUNS, trafficPickArbitrary } from './agreement';
import { calicoObjectsArbitrary } from './calico-arbitrary';
import { clusterArbitrary } from './cluster-arbitrary';

describe('Calico: model = reference over random mixes of Calico, NetworkPolicy and ClusterNetworkPolicy', () => {
  it('isAllowed, allowedConnections and the model agree on every pair', () => {
    fc.assert(
      fc.property(
        clusterArbitrary,
        calicoObjectsArbitrary,
        trafficPickArbitrary,
        (objects, calico, pick) => {
          const inventory = buildInventory([...objects, ...calico].map((object) => ({ object })));
          expect(inventory.issues).toEqual([]);
          expect(inventory.calico).toBeDefined();
          expectAgreement(inventory, pick);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the model connlist equals the reference connlist (external ranges cut at Calico CIDRs too)', () => {
    fc.assert(
      fc.property(clusterArbitrary, calicoObjectsArbitrary, (objects, calico) => {
        const inventory = buildInventory([...objects, ...calico].map((object) => ({ object })));
        expectConnlistAgreement(inventory);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
