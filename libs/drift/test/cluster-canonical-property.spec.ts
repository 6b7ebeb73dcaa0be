import fc from 'fast-check';
import { buildInventory, buildModel } from '@fenceline/netpol';
import { canonicalClusterPolicy } from '../src/index';
import { clusterArbitrary, type Raw } from './arbitraries';
import { clusterPolicyArbitrary } from './cluster-arbitraries';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 300);

/** The list reordered by sort keys (a random permutation). */
function permute<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((item, i) => ({ item, key: keys[i] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.item);
}

const connectivity = (objects: readonly unknown[]): string[] =>
  buildModel(buildInventory(objects.map((object) => ({ object }))))
    .connlist()
    .map((r) => `${r.src} ${r.dst} ${r.conn.toString()}`);

describe('canonicalClusterPolicy property', () => {
  it('equal canonical forms after a rule reorder mean equal connectivity on every cluster', () => {
    let equalAndReordered = 0;
    fc.assert(
      fc.property(
        clusterArbitrary(),
        clusterPolicyArbitrary(0, 4),
        fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
        (cluster, policy, ingressKeys, egressKeys) => {
          const spec = policy['spec'] as Raw;
          const reordered: Raw = {
            ...policy,
            spec: {
              ...spec,
              ...(Array.isArray(spec['ingress'])
                ? { ingress: permute(spec['ingress'] as Raw[], ingressKeys) }
                : {}),
              ...(Array.isArray(spec['egress'])
                ? { egress: permute(spec['egress'] as Raw[], egressKeys) }
                : {}),
            },
          };
          const [a, b] = [policy, reordered].map((p) => {
            const inventory = buildInventory([{ object: p }]);
            expect(inventory.issues).toEqual([]);
            return JSON.stringify(canonicalClusterPolicy(inventory.clusterPolicies[0]!));
          });
          if (a !== b) return;
          if (JSON.stringify(policy) !== JSON.stringify(reordered)) equalAndReordered++;
          expect(connectivity([...cluster, reordered])).toEqual(connectivity([...cluster, policy]));
        },
      ),
      { numRuns: RUNS },
    );
    // The property is not vacuous: reorders that keep the canonical form do occur.
    expect(equalAndReordered).toBeGreaterThan(RUNS / 20);
  });
});
