import {
  buildInventory,
  METADATA_ONLY_ANNOTATION,
  referenceConnlist,
  workloadName,
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
const owned = (kind: string, name: string) => [{ kind, name, controller: true }];
const lines = (inventory: Inventory): string[] =>
  referenceConnlist(inventory).map((r) => `${r.src} => ${r.dst} : ${r.conn.toString()}`);

const pod = (name: string, app: string, owner: [string, string], ip: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app }, ownerReferences: owned(...owner) },
  spec: { containers: [{ name: 'main' }] },
  status: { podIP: ip },
});
/** A Deployment's pod and its ReplicaSet, an old ReplicaSet, a CronJob's pod and its Job. */
const chainObjects = (): unknown[] => [
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-5c6d8f',
      namespace: 'shop',
      ownerReferences: owned('Deployment', 'web'),
    },
    spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } } },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-old', namespace: 'shop', ownerReferences: owned('Deployment', 'web') },
    spec: { replicas: 0, template: { metadata: { labels: { app: 'web' } }, spec: {} } },
  },
  pod('web-5c6d8f-abcde', 'web', ['ReplicaSet', 'web-5c6d8f'], '10.0.0.1'),
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: 'backup-2900',
      namespace: 'shop',
      ownerReferences: owned('CronJob', 'backup'),
    },
    spec: { template: { metadata: { labels: { app: 'backup' } }, spec: {} } },
  },
  pod('backup-2900-x1', 'backup', ['Job', 'backup-2900'], '10.0.0.2'),
];

const clusterPolicies = (): unknown[] => [
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'deny-db' },
    spec: {
      tier: 'Admin',
      priority: 10,
      subject: { namespaces: { matchLabels: { team: 'shop' } } },
      ingress: [
        {
          name: 'no-monitoring',
          action: 'Deny',
          from: [{ namespaces: { matchLabels: { team: 'ops' } } }],
        },
      ],
    },
  },
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name: 'pass-shop' },
    spec: {
      priority: 20,
      subject: { namespaces: {} },
      egress: [{ action: 'Pass', to: [{ namespaces: { matchLabels: { team: 'shop' } } }] }],
    },
  },
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'BaselineAdminNetworkPolicy',
    metadata: { name: 'default' },
    spec: {
      subject: { namespaces: {} },
      ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
    },
  },
];

describe('snapshot schema version 2: owner chains', () => {
  // `fenceline snapshot` builds with direct naming: every template pod kept.
  const snapshot = createSnapshot(
    buildInventory(sourced(chainObjects()), { workloadName: 'direct' }),
    options,
  );

  it('writes version 2, pods with their own controller, and the links their chains use', () => {
    expect(snapshot.schemaVersion).toBe(2);
    expect(snapshot.pods.filter((p) => !p.fromTemplate).map((p) => [p.name, p.owner])).toEqual([
      ['backup-2900-x1', { kind: 'Job', name: 'backup-2900' }],
      ['web-5c6d8f-abcde', { kind: 'ReplicaSet', name: 'web-5c6d8f' }],
    ]);
    // web-old owns no pod: its template pod reaches it, so it stays (manifests, direct naming).
    expect(
      snapshot.controllers.map((c) => `${c.kind} ${c.name} → ${c.owner.kind} ${c.owner.name}`),
    ).toEqual([
      'Job backup-2900 → CronJob backup',
      'ReplicaSet web-5c6d8f → Deployment web',
      'ReplicaSet web-old → Deployment web',
    ]);
  });

  it('leaves out links no pod reaches (a cluster: running pods, metadata-only ReplicaSets)', () => {
    const link = (kind: string, name: string, owner: [string, string]) => ({
      apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1',
      kind,
      metadata: {
        name,
        namespace: 'shop',
        annotations: { [METADATA_ONLY_ANNOTATION]: 'true' },
        ownerReferences: owned(...owner),
      },
    });
    const cluster = [
      link('ReplicaSet', 'web-old', ['Deployment', 'web']),
      link('ReplicaSet', 'web-5c6d8f', ['Deployment', 'web']),
      link('Job', 'backup-2900', ['CronJob', 'backup']),
      ...chainObjects().filter((o) => (o as { kind: string }).kind === 'Pod'),
    ];
    const fromCluster = createSnapshot(buildInventory(sourced(cluster)), options);
    expect(fromCluster.pods.map((p) => p.fromTemplate ?? false)).toEqual([false, false]);
    expect(fromCluster.controllers.map((c) => c.name)).toEqual(['backup-2900', 'web-5c6d8f']);
  });

  it.each([
    ['top', ['shop/backup[CronJob]', 'shop/web[Deployment]']],
    ['direct', ['shop/backup-2900[Job]', 'shop/web-5c6d8f[ReplicaSet]']],
  ] as const)('rebuilds pods named %s after JSON and validation', (naming, expected) => {
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rebuilt = buildInventory(snapshotToObjects(parsed.snapshot), { workloadName: naming });
    expect(rebuilt.issues).toEqual([]);
    const running = rebuilt.pods
      .filter((p) => !p.fromTemplate)
      .map((p) => workloadName(p.workload));
    expect(running).toEqual(expected);
    // Same input, same naming: the snapshot round trip changes nothing the engine sees.
    expect(lines(rebuilt)).toEqual(
      lines(buildInventory(sourced(chainObjects()), { workloadName: naming })),
    );
  });
});

describe('snapshot schema version 2: cluster-scoped policies', () => {
  const objects = [...shopObjects(), ...sourced(clusterPolicies())];
  const inventory = buildInventory(objects);
  const snapshot = createSnapshot(inventory, options);

  it('carries each ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy', () => {
    expect(inventory.issues).toEqual([]);
    expect(snapshot.clusterPolicies.map((p) => `${p.apiVersion} ${p.kind} ${p.name}`)).toEqual([
      'policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy pass-shop',
      'policy.networking.k8s.io/v1alpha1 BaselineAdminNetworkPolicy default',
      'policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy deny-db',
    ]);
    expect(snapshot.ignoredKinds).toEqual({ 'v1/ConfigMap': 1 });
  });

  it('turns them back into objects the engine evaluates as before', () => {
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rebuilt = buildInventory(snapshotToObjects(parsed.snapshot));
    expect(rebuilt.issues).toEqual([]);
    // The snapshot sorts them by kind and name; evaluation orders them per tier anyway.
    const policies = (inv: Inventory) =>
      inv.clusterPolicies
        .map((p) => [p.kind, p.name, p.spec])
        .sort((a, b) => (String(a[0]) + String(a[1]) < String(b[0]) + String(b[1]) ? -1 : 1));
    expect(policies(rebuilt)).toEqual(policies(inventory));
    expect(rebuilt.clusterPolicies).toHaveLength(3);
    expect(lines(rebuilt)).toEqual(lines(inventory));
    // The policies matter: without them the shop allows something else.
    expect(lines(buildInventory(shopObjects()))).not.toEqual(lines(inventory));
    expect(snapshotContentHash(createSnapshot(rebuilt, options))).toBe(
      snapshotContentHash(snapshot),
    );
  });
});

describe('snapshot schema versions', () => {
  const v2 = createSnapshot(buildInventory(shopObjects()), options);
  const rest = Object.fromEntries(
    Object.entries(v2).filter(([key]) => key !== 'controllers' && key !== 'clusterPolicies'),
  );
  const v1 = { ...rest, schemaVersion: 1 };

  it('still accepts version 1, unchanged (so its content hash stays what it was)', () => {
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(v1)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.snapshot).toEqual(v1);
    expect(lines(buildInventory(snapshotToObjects(parsed.snapshot)))).toEqual(
      lines(buildInventory(shopObjects())),
    );
  });

  it.each<[string, unknown, string, RegExp]>([
    ['version 1 with version 2 sections', { ...v1, controllers: [] }, '', /Unrecognized key/],
    [
      'version 2 without the owner chain',
      { ...rest, schemaVersion: 2, clusterPolicies: [] },
      'controllers',
      /expected array/,
    ],
    ['an unknown version', { ...v2, schemaVersion: 3 }, 'schemaVersion', /./],
    [
      'a controller of another kind',
      {
        ...v2,
        controllers: [
          { kind: 'Deployment', namespace: 'a', name: 'b', owner: { kind: 'X', name: 'y' } },
        ],
      },
      'controllers[0].kind',
      /ReplicaSet/,
    ],
    [
      'a cluster policy at the wrong API version',
      {
        ...v2,
        clusterPolicies: [
          {
            apiVersion: 'policy.networking.k8s.io/v1alpha1',
            kind: 'ClusterNetworkPolicy',
            name: 'a',
            spec: {},
          },
        ],
      },
      'clusterPolicies[0].apiVersion',
      /v1alpha2/,
    ],
  ])('rejects %s', (_name, value, path, message) => {
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(value)));
    if (parsed.ok) throw new Error('expected the snapshot to be rejected');
    expect(parsed.issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
