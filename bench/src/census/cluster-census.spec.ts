import { snapshotToObjects } from '@fenceline/contracts';
import { buildInventory, referenceConnlist } from '@fenceline/netpol';
import { scaleSpec, WORKLOADS, type ClusterSpec } from '../generator/cluster-spec';
import { generateCluster } from '../generator/generate-cluster';
import { mutate } from '../generator/mutate';
import { takeCensus } from './cluster-census';

const external = (peer: string) => peer.endsWith('[External]');
const controller = (peer: string) => peer === '{ingress-controller}';

/** The census must count exactly the rows the reference evaluator lists. */
describe('takeCensus', () => {
  it.each([
    ['W1', scaleSpec(WORKLOADS.W1, 0.05), false],
    ['W2', scaleSpec(WORKLOADS.W2, 0.03), false],
    ['W5a', scaleSpec(WORKLOADS.W5a, 0.0015), false],
    ['W3 mutated (workloads spanning classes)', scaleSpec(WORKLOADS.W3, 0.01), true],
  ] as const)('agrees with the reference connlist on %s', (_name, spec: ClusterSpec, mutated) => {
    const generated = generateCluster(spec, spec.seed);
    const snapshot = mutated ? mutate(generated, 0.05, 1) : generated;
    const inventory = buildInventory(snapshotToObjects(snapshot));
    const rows = referenceConnlist(inventory);
    const census = takeCensus(inventory);
    const pairs = rows.filter((r) => ![r.src, r.dst].some((p) => external(p) || controller(p)));
    expect(census.workloadPairs).toBe(pairs.length);
    expect(census.externalRows).toBe(rows.filter((r) => external(r.src) || external(r.dst)).length);
    expect(census.workloadPairs).toBeGreaterThan(0);
  });

  it('counts pods, classes and workloads', () => {
    const spec = scaleSpec(WORKLOADS.W1, 0.05);
    const census = takeCensus(buildInventory(snapshotToObjects(generateCluster(spec, spec.seed))));
    expect(census.pods).toBe(spec.pods);
    expect(census.podsPerClass).toBeCloseTo(spec.pods / census.classes);
    expect(census.workloads).toBeGreaterThanOrEqual(census.classes);
  });
});
