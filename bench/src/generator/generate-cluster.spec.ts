import { createHash } from 'node:crypto';
import { parseSnapshot, snapshotToObjects, type InventorySnapshot } from '@fenceline/contracts';
import { buildInventory } from '@fenceline/netpol';
import { podClasses } from '../census/pod-classes';
import { scaleSpec, WORKLOADS, type ClusterSpec, type WorkloadId } from './cluster-spec';
import { generateCluster } from './generate-cluster';
import { SYSTEM_NAMESPACES } from './system-namespaces';

const sha = (snapshot: InventorySnapshot): string =>
  createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
const counts = (s: InventorySnapshot) => ({
  pods: s.pods.length,
  policies: s.policies.length,
  namespaces: s.namespaces.length,
});
const generate = (spec: ClusterSpec): InventorySnapshot => generateCluster(spec, spec.seed);

/** The big workloads at 1%: the same code paths, fast enough for a unit test. */
const SCALED: readonly WorkloadId[] = ['W3', 'W4', 'W5r', 'W5a'];

describe('generateCluster', () => {
  const w1 = generate(WORKLOADS.W1);

  it('gives byte-identical snapshots for the same seed', () => {
    expect(sha(generate(WORKLOADS.W1))).toBe(sha(w1));
  });

  it('gives a different snapshot for another seed', () => {
    expect(sha(generateCluster(WORKLOADS.W1, WORKLOADS.W1.seed + 1))).not.toBe(sha(w1));
  });

  it('never uses Math.random', () => {
    const spy = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    try {
      expect(() => generate(scaleSpec(WORKLOADS.W3, 0.01))).not.toThrow();
    } finally {
      spy.mockRestore();
    }
  });

  it.each(['W1', 'W2'] as const)('%s has exactly the counts of the table', (id) => {
    const spec = WORKLOADS[id];
    const snapshot = id === 'W1' ? w1 : generate(spec);
    expect(counts(snapshot)).toEqual({
      pods: spec.pods,
      policies: spec.policies,
      namespaces: spec.namespaces,
    });
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot))).ok).toBe(true);
  });

  it.each(SCALED)('%s scaled down has exactly the scaled counts and parses', (id) => {
    const spec = scaleSpec(WORKLOADS[id], 0.01);
    const snapshot = generate(spec);
    expect(counts(snapshot)).toEqual({
      pods: spec.pods,
      policies: spec.policies,
      namespaces: spec.namespaces,
    });
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(parsed.ok && parsed.snapshot.source.type).toBe('cluster');
  });

  it.each(['W1', ...SCALED] as const)('%s rebuilds into an inventory without issues', (id) => {
    const snapshot = id === 'W1' ? w1 : generate(scaleSpec(WORKLOADS[id], 0.01));
    const inventory = buildInventory(snapshotToObjects(snapshot));
    expect(inventory.issues).toEqual([]);
    expect(inventory.pods).toHaveLength(snapshot.pods.length);
    expect(inventory.policies).toHaveLength(snapshot.policies.length);
  });

  it('gives every pod a unique IP from 10.0.0.0/8', () => {
    const ips = w1.pods.flatMap((p) => p.ips);
    expect(new Set(ips).size).toBe(w1.pods.length);
    expect(ips.every((ip) => ip.startsWith('10.'))).toBe(true);
  });

  it("reports pods under their ReplicaSet or StatefulSet, with the controllers' labels", () => {
    for (const pod of w1.pods) {
      expect(pod.owner?.kind).toMatch(/^(ReplicaSet|StatefulSet)$/);
      if (pod.owner?.kind === 'ReplicaSet') {
        expect(pod.owner.name.endsWith(`-${pod.labels['pod-template-hash']}`)).toBe(true);
        expect(pod.name.startsWith(`${pod.owner.name}-`)).toBe(true);
      } else {
        expect(pod.labels['statefulset.kubernetes.io/pod-name']).toBe(pod.name);
      }
    }
  });

  it('has kube-dns, prometheus and ingress-nginx, and named ports on every pod', () => {
    const has = (ns: string, key: string, value: string) =>
      w1.pods.some((p) => p.namespace === ns && p.labels[key] === value);
    expect(has('kube-system', 'k8s-app', 'kube-dns')).toBe(true);
    expect(has('monitoring', 'app.kubernetes.io/name', 'prometheus')).toBe(true);
    expect(has('ingress-nginx', 'app.kubernetes.io/name', 'ingress-nginx')).toBe(true);
    expect(w1.pods.every((p) => p.ports.length > 0 && p.ports.every((port) => port.name))).toBe(
      true,
    );
  });

  it('writes the policy features real clusters use', () => {
    const text = JSON.stringify(w1.policies);
    for (const feature of [
      '"NotIn"',
      '"Exists"',
      '"In"',
      'endPort',
      '"except"',
      '"SCTP"',
      '"UDP"',
      'namespaceSelector',
    ])
      expect(text).toContain(feature);
    const defaultDeny = w1.policies.filter((p) => p.name === 'default-deny').length;
    expect(defaultDeny).toBeGreaterThan(w1.namespaces.length * 0.8);
  });

  it.each([
    ['W1', WORKLOADS.W1, 17, 23],
    ['W5r at 1%', scaleSpec(WORKLOADS.W5r, 0.01), 150, 250],
    ['W5a at 1%', scaleSpec(WORKLOADS.W5a, 0.01), 7, 13],
  ] as const)('%s has about the pods per class its shape asks for', (_name, spec, low, high) => {
    const snapshot = spec.id === 'W1' ? w1 : generate(spec);
    const system = new Set(SYSTEM_NAMESPACES.map((ns) => ns.name));
    const classes = podClasses(buildInventory(snapshotToObjects(snapshot))).filter(
      (c) => !system.has(c.namespace),
    );
    const perClass = classes.reduce((sum, c) => sum + c.pods, 0) / classes.length;
    expect(perClass).toBeGreaterThanOrEqual(low);
    expect(perClass).toBeLessThanOrEqual(high);
  });
});
