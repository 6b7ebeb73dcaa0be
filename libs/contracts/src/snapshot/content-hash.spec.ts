import { buildInventory } from '@fenceline/netpol';
import { canonicalJson, snapshotContentHash } from './content-hash';
import { createSnapshot } from './create-snapshot';
import { shopObjects } from '../../test/shop-objects';

const source = { type: 'cluster' as const };

describe('snapshotContentHash', () => {
  const snapshot = createSnapshot(buildInventory(shopObjects()), {
    collectedAt: '2025-01-01T00:00:00Z',
    source,
  });

  it('is a SHA-256 hex digest', () => {
    expect(snapshotContentHash(snapshot)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores when the snapshot was collected', () => {
    const later = { ...snapshot, collectedAt: '2025-06-30T12:00:00+02:00' };
    expect(snapshotContentHash(later)).toBe(snapshotContentHash(snapshot));
  });

  it('ignores the order of object keys', () => {
    const reordered = Object.fromEntries(Object.entries(snapshot).reverse()) as typeof snapshot;
    const policies = snapshot.policies.map((p) => ({
      spec: p.spec,
      name: p.name,
      namespace: p.namespace,
    }));
    expect(Object.keys(reordered)[0]).toBe('clusterPolicies');
    expect(snapshotContentHash({ ...reordered, policies })).toBe(snapshotContentHash(snapshot));
  });

  it('changes when a label changes', () => {
    const [first, ...rest] = snapshot.namespaces;
    const relabelled = {
      ...snapshot,
      namespaces: [{ name: first?.name ?? '', labels: { team: 'other' } }, ...rest],
    };
    expect(snapshotContentHash(relabelled)).not.toBe(snapshotContentHash(snapshot));
  });

  it('changes when the cluster name changes', () => {
    expect(snapshotContentHash({ ...snapshot, cluster: { name: 'b' } })).not.toBe(
      snapshotContentHash(snapshot),
    );
  });
});

describe('canonicalJson', () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: [2, { d: null, c: 'x' }] }, '{"a":[2,{"c":"x","d":null}],"b":1}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    ['é', '"é"'],
    [[], '[]'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});
