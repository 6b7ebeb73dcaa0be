import {
  buildInventory,
  referenceConnlist,
  type Inventory,
  type SourcedObject,
} from '@fenceline/netpol';
import { snapshotContentHash } from './content-hash';
import { createSnapshot } from './create-snapshot';
import { parseSnapshot } from './parse-snapshot';
import { snapshotToObjects } from './snapshot-objects';
import { shopObjects } from '../../test/shop-objects';

const options = { collectedAt: '2025-01-02T03:04:05Z', source: { type: 'cluster' as const } };
const sourced = (objects: unknown[]): SourcedObject[] => objects.map((object) => ({ object }));
const lines = (inventory: Inventory): string[] =>
  referenceConnlist(inventory).map((r) => `${r.src} => ${r.dst} : ${r.conn.toString()}`);
const API = 'projectcalico.org/v3';

/** A tier, a deny-by-service-account GlobalNetworkPolicy, a namespaced policy and a network set. */
const calicoObjects = (): unknown[] => [
  { apiVersion: API, kind: 'Tier', metadata: { name: 'security' }, spec: { order: 100 } },
  {
    apiVersion: API,
    kind: 'GlobalNetworkPolicy',
    metadata: { name: 'security.no-batch' },
    spec: {
      tier: 'security',
      selector: 'all()',
      ingress: [
        { action: 'Deny', source: { serviceAccounts: { names: ['batch'] } } },
        { action: 'Pass' },
      ],
    },
  },
  {
    apiVersion: API,
    kind: 'NetworkPolicy',
    metadata: { name: 'partners-only', namespace: 'shop' },
    spec: {
      selector: 'all()',
      types: ['Egress'],
      egress: [{ action: 'Allow', destination: { selector: "feed == 'partner'" } }],
    },
  },
  {
    apiVersion: API,
    kind: 'NetworkSet',
    metadata: { name: 'partners', namespace: 'shop', labels: { feed: 'partner' } },
    spec: { nets: ['198.51.100.0/24'] },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'batch', namespace: 'shop', labels: { app: 'batch' } },
    spec: { serviceAccountName: 'batch', containers: [{ name: 'main' }] },
    status: { podIP: '10.0.9.9' },
  },
];

describe('snapshot schema version 2: CNI-native objects and service accounts', () => {
  const inventory = buildInventory([...shopObjects(), ...sourced(calicoObjects())]);
  const snapshot = createSnapshot(inventory, options);

  it('carries every Calico object as written, and the pods’ service accounts', () => {
    expect(inventory.issues).toEqual([]);
    expect(snapshot.cniObjects?.map((o) => `${o.kind} ${o.namespace ?? '-'}/${o.name}`)).toEqual([
      'GlobalNetworkPolicy -/security.no-batch',
      'NetworkPolicy shop/partners-only',
      'NetworkSet shop/partners',
      'Tier -/security',
    ]);
    expect(snapshot.pods.find((p) => p.name === 'batch')?.serviceAccount).toBe('batch');
  });

  it('turns them back into objects the engine evaluates as before', () => {
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rebuilt = buildInventory(snapshotToObjects(parsed.snapshot));
    expect(rebuilt.issues).toEqual([]);
    expect(lines(rebuilt)).toEqual(lines(inventory));
    // The Calico objects matter: without them the shop allows something else.
    expect(lines(buildInventory(shopObjects()))).not.toEqual(lines(inventory));
    expect(snapshotContentHash(createSnapshot(rebuilt, options))).toBe(
      snapshotContentHash(snapshot),
    );
  });

  it('a snapshot without CNI objects keeps its shape (no cniObjects field)', () => {
    expect('cniObjects' in createSnapshot(buildInventory(shopObjects()), options)).toBe(false);
  });

  it('refuses an object of a kind that is not a CNI policy kind, naming it', () => {
    const bad = JSON.parse(JSON.stringify(snapshot));
    bad.cniObjects[0].kind = 'ConfigMap';
    const parsed = parseSnapshot(bad);
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toContain('cniObjects');
  });
});
