import { snapshotToObjects } from '@fenceline/contracts';
import { buildInventory, buildModel, referenceConnlist } from '@fenceline/netpol';
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

/** W6 has cluster policies, which the census does not evaluate: its rows are checked here. */
describe('W6 (cluster policies)', () => {
  it('the model agrees with the tiered reference evaluator on a scaled W6', () => {
    const spec = scaleSpec(WORKLOADS.W6, 0.01);
    const snapshot = generateCluster(spec, spec.seed);
    expect(snapshot.schemaVersion).toBe(2);
    const inventory = buildInventory(snapshotToObjects(snapshot));
    expect(inventory.issues).toEqual([]);
    expect(inventory.clusterPolicies.length).toBe(spec.clusterPolicies);
    const text = (rows: ReturnType<typeof referenceConnlist>) =>
      rows.map((r) => `${r.src} => ${r.dst} : ${r.conn}`);
    const reference = text(referenceConnlist(inventory));
    expect(text(buildModel(inventory).connlist())).toEqual(reference);
    // The cluster policies change the verdict: without them the cluster allows other rows.
    const withoutTiers = text(referenceConnlist({ ...inventory, clusterPolicies: [] }));
    expect(withoutTiers).not.toEqual(reference);
  });

  it('generates every kind, both tiers, every action and 5–40 rules per policy', () => {
    const spec = WORKLOADS.W6;
    const snapshot = generateCluster(spec, spec.seed);
    if (snapshot.schemaVersion !== 2) throw new Error('W6 writes schema version 2');
    const policies = snapshot.clusterPolicies;
    expect(policies).toHaveLength(300);
    expect(new Set(policies.map((p) => p.kind))).toEqual(
      new Set(['ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']),
    );
    const tiers = new Set(policies.map((p) => (p.spec['tier'] as string | undefined) ?? p.kind));
    expect(tiers).toEqual(
      new Set(['Admin', 'Baseline', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']),
    );
    const rules = policies.map((p) => [
      ...((p.spec['ingress'] as { action: string }[] | undefined) ?? []),
      ...((p.spec['egress'] as { action: string }[] | undefined) ?? []),
    ]);
    for (const list of rules) {
      expect(list.length).toBeGreaterThanOrEqual(5);
      expect(list.length).toBeLessThanOrEqual(40);
    }
    const actions = rules.flat().map((r) => r.action);
    const pass = actions.filter((a) => a === 'Pass').length / actions.length;
    expect(pass).toBeGreaterThan(0.2);
    expect(pass).toBeLessThan(0.45);
    expect(new Set(actions)).toEqual(new Set(['Accept', 'Allow', 'Deny', 'Pass']));
  });
});

/** W7c has Calico's own policies: its rows are checked against the reference here. */
describe('W7c (Calico)', () => {
  it('the model agrees with the reference evaluator on a scaled W7c, and Calico changes the verdict', () => {
    const spec = scaleSpec(WORKLOADS.W7c, 0.01);
    const snapshot = generateCluster(spec, spec.seed);
    if (snapshot.schemaVersion !== 2) throw new Error('W7c writes schema version 2');
    expect(snapshot.cniObjects?.length).toBeGreaterThan(0);
    const inventory = buildInventory(snapshotToObjects(snapshot));
    expect(inventory.issues).toEqual([]);
    expect(inventory.calico?.policies.length).toBe(
      (spec.calico?.globalPolicies ?? 0) + (spec.calico?.namespacedPolicies ?? 0),
    );
    const text = (rows: ReturnType<typeof referenceConnlist>) =>
      rows.map((r) => `${r.src} => ${r.dst} : ${r.conn}`);
    const reference = text(referenceConnlist(inventory));
    expect(text(buildModel(inventory).connlist())).toEqual(reference);
    expect(text(referenceConnlist({ ...inventory, calico: undefined }))).not.toEqual(reference);
  });
});
