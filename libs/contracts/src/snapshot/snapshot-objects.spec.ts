import { buildInventory, referenceConnlist, type Inventory } from '@fenceline/netpol';
import { createSnapshot } from './create-snapshot';
import { parseSnapshot } from './parse-snapshot';
import type { InventorySnapshot } from './snapshot.schema';
import { snapshotToObjects } from './snapshot-objects';
import { shopObjects } from '../../test/shop-objects';

const options = { collectedAt: '2025-01-02T03:04:05Z', source: { type: 'manifests' as const } };
const lines = (inventory: Inventory): string[] =>
  referenceConnlist(inventory).map((r) => `${r.src} => ${r.dst} : ${r.conn.toString()}`);

const EXT_LOW = '0.0.0.0-9.255.255.255[External]';
const EXT_TEN = '10.0.0.0-10.255.255.255[External]';
const EXT_HIGH = '11.0.0.0-255.255.255.255[External]';
const PROM = 'monitoring/prom[Pod]';
const API = 'shop/api-7d9f[ReplicaSet]';
const DB = 'shop/db[StatefulSet]';
const WEB = 'shop/web[Deployment]';

/**
 * Worked out from the policies in shopObjects: shop denies both ways by default; every shop pod
 * may reach db on pg (5432), addresses outside 10/8 on TCP 443 and anything on UDP 53; web
 * admits pods of any namespace (the ingress controller too) on http (8080), db admits web and api
 * on pg, api admits namespaces labelled team=ops on 9090; monitoring has no policy at all.
 */
const SHOP_CONNLIST = [
  ...[EXT_LOW, EXT_TEN, EXT_HIGH].map((ext) => `${ext} => ${PROM} : All Connections`),
  ...[EXT_LOW, EXT_TEN, EXT_HIGH].map((ext) => `${PROM} => ${ext} : All Connections`),
  `${PROM} => ${API} : TCP 9090`,
  `${PROM} => ${WEB} : TCP 8080`,
  ...[API, DB, WEB].flatMap((pod) => [
    `${pod} => ${EXT_LOW} : TCP 443,UDP 53`,
    `${pod} => ${EXT_TEN} : UDP 53`,
    `${pod} => ${EXT_HIGH} : TCP 443,UDP 53`,
    `${pod} => ${PROM} : UDP 53`,
    ...(pod === DB ? [] : [`${pod} => ${DB} : TCP 5432`]),
  ]),
  `{ingress-controller} => ${WEB} : TCP 8080`,
];

describe('snapshotToObjects', () => {
  const original = buildInventory(shopObjects());
  const snapshot = createSnapshot(original, options);
  const rebuilt = buildInventory(snapshotToObjects(snapshot));

  it('starts from the hand-worked connectivity of the shop', () => {
    expect(original.issues).toEqual([]);
    expect(lines(original)).toEqual(SHOP_CONNLIST);
  });

  it('rebuilds an inventory without issues that allows exactly the same connections', () => {
    expect(rebuilt.issues).toEqual([]);
    expect(lines(rebuilt)).toEqual(SHOP_CONNLIST);
  });

  it('survives JSON and validation on the way (what an agent push does)', () => {
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(lines(buildInventory(snapshotToObjects(parsed.snapshot)))).toEqual(SHOP_CONNLIST);
  });

  it('is the inverse of createSnapshot', () => {
    expect(createSnapshot(rebuilt, options)).toEqual(snapshot);
  });

  it('names each object after its place in the snapshot', () => {
    const sources = snapshotToObjects(snapshot, 'cluster.json').map((o) => o.source);
    expect(sources).toContain('cluster.json:pods[3]');
    expect(sources).toContain('cluster.json:exposures[0]');
    expect(snapshotToObjects(snapshot)[0]?.source).toBe('snapshot:namespaces[0]');
  });

  it('builds Kubernetes-shaped pods with owners, the template annotation and IPs', () => {
    const objects = snapshotToObjects(snapshot).map((o) => o.object);
    expect(objects).toContainEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'db',
        namespace: 'shop',
        labels: { app: 'db' },
        annotations: { 'fenceline.dev/from-template': 'true' },
        ownerReferences: [{ controller: true, kind: 'StatefulSet', name: 'db' }],
      },
      spec: {
        containers: [
          { name: 'main', ports: [{ name: 'pg', containerPort: 5432, protocol: 'TCP' }] },
        ],
      },
      status: { podIPs: [] },
    });
  });

  it('keeps every exposure when one Ingress or Route has several backends', () => {
    const exposures: InventorySnapshot['exposures'] = [
      {
        kind: 'Ingress',
        namespace: 'shop',
        name: 'edge',
        service: 'a',
        port: { kind: 'servicePort', value: 80 },
      },
      {
        kind: 'Ingress',
        namespace: 'shop',
        name: 'edge',
        service: 'b',
        port: { kind: 'servicePort', value: 'http' },
      },
      { kind: 'Ingress', namespace: 'shop', name: 'edge', service: 'c' },
      {
        kind: 'Route',
        namespace: 'shop',
        name: 'r',
        service: 'a',
        port: { kind: 'targetPort', value: 8080 },
      },
      {
        kind: 'Route',
        namespace: 'shop',
        name: 'r',
        service: 'b',
        port: { kind: 'targetPort', value: 8080 },
      },
      {
        kind: 'Route',
        namespace: 'shop',
        name: 'r',
        service: 'c',
        port: { kind: 'servicePort', value: 'web' },
      },
    ];
    const inventory = buildInventory(snapshotToObjects({ ...snapshot, exposures }));
    expect(inventory.issues).toEqual([]);
    const seen = inventory.exposures.map(
      (e) => `${e.ref.kind} ${e.ref.name} ${e.service} ${JSON.stringify(e.port ?? null)}`,
    );
    expect(seen.sort()).toEqual([
      'Ingress edge a {"kind":"servicePort","value":80}',
      'Ingress edge b {"kind":"servicePort","value":"http"}',
      'Ingress edge c null',
      'Route r a {"kind":"targetPort","value":8080}',
      'Route r b {"kind":"targetPort","value":8080}',
      'Route r.2 c {"kind":"servicePort","value":"web"}',
    ]);
  });

  it('keeps hostNetwork pods and the counts of ignored kinds', () => {
    const pods: InventorySnapshot['pods'] = [
      {
        namespace: 'kube-system',
        name: 'node-agent',
        labels: {},
        ips: ['192.168.0.4'],
        hostNetwork: true,
        ports: [],
      },
    ];
    const inventory = buildInventory(
      snapshotToObjects({
        ...snapshot,
        pods,
        ignoredKinds: { 'crd.projectcalico.org/v1/NetworkPolicy': 2 },
      }),
    );
    expect(inventory.pods.map((p) => [p.name, p.hostNetwork])).toEqual([['node-agent', true]]);
    expect(inventory.ignoredKinds).toEqual({ 'crd.projectcalico.org/v1/NetworkPolicy': 2 });
  });
});

describe('snapshot round trip of workloads sharing a name', () => {
  it('keeps a Deployment and a StatefulSet both named web in one namespace', () => {
    const template = (kind: string) => ({
      apiVersion: 'apps/v1',
      kind,
      metadata: { name: 'web', namespace: 'shop' },
      spec: { template: { metadata: { labels: { kind } } } },
    });
    const inventory = buildInventory([
      { object: template('Deployment') },
      { object: template('StatefulSet') },
    ]);
    const snapshot = createSnapshot(inventory, options);
    const again = buildInventory(snapshotToObjects(snapshot));
    expect(again.issues).toEqual([]);
    // No policies: each may open everything to the other, and both to and from the internet.
    expect(lines(again)).toEqual(lines(inventory));
    expect(lines(again)).toContain(
      'shop/web[Deployment] => shop/web[StatefulSet] : All Connections',
    );
  });
});
