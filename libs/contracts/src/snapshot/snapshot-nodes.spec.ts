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
import { SNAPSHOT_LIMITS } from './snapshot.schema';

const options = { collectedAt: '2025-01-02T03:04:05Z', source: { type: 'cluster' as const } };
const sourced = (objects: unknown[]): SourcedObject[] => objects.map((object) => ({ object }));
const lines = (inventory: Inventory): string[] =>
  referenceConnlist(inventory).map((r) => `${r.src} => ${r.dst} : ${r.conn.toString()}`);

const node = (name: string, role: string, addresses: [string, string][]) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { role, 'kubernetes.io/hostname': name } },
  status: { addresses: addresses.map(([type, address]) => ({ type, address })) },
});
const pod = (namespace: string, name: string, ip: string, hostNetwork: boolean) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels: { app: name } },
  spec: { hostNetwork, containers: [{ name: 'main' }] },
  status: { podIP: ip },
});
/** Listed out of order, with a Hostname entry and a dual-stack control-plane node. */
const objects = (): unknown[] => [
  node('worker-1', 'worker', [
    ['Hostname', 'worker-1'],
    ['InternalIP', '10.0.2.1'],
  ]),
  node('cp-1', 'control-plane', [
    ['InternalIP', '10.0.1.1'],
    ['ExternalIP', '203.0.113.1'],
    ['InternalIP', 'fd00::1'],
  ]),
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app' } },
  pod('app', 'client', '10.244.0.5', false),
  pod('kube-system', 'cp-agent', '10.0.1.1', true),
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'no-control-plane' },
    spec: {
      tier: 'Admin',
      priority: 10,
      subject: { namespaces: {} },
      egress: [{ action: 'Deny', to: [{ nodes: { matchLabels: { role: 'control-plane' } } }] }],
    },
  },
];

describe('snapshot schema version 2: nodes', () => {
  const inventory = buildInventory(sourced(objects()));
  const snapshot = createSnapshot(inventory, options);

  it('writes the nodes sorted by name, labels and addresses sorted, IPs only', () => {
    expect(inventory.issues).toEqual([]);
    expect(snapshot.nodes).toEqual([
      {
        name: 'cp-1',
        labels: { 'kubernetes.io/hostname': 'cp-1', role: 'control-plane' },
        addresses: ['10.0.1.1', '203.0.113.1', 'fd00::1'],
      },
      {
        name: 'worker-1',
        labels: { 'kubernetes.io/hostname': 'worker-1', role: 'worker' },
        addresses: ['10.0.2.1'],
      },
    ]);
  });

  it('turns them back into Node objects the engine evaluates as before, same content hash', () => {
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rebuilt = buildInventory(snapshotToObjects(parsed.snapshot));
    expect(rebuilt.issues).toEqual([]);
    expect(rebuilt.nodesKnown).toBe(true);
    expect(lines(rebuilt)).toEqual(lines(inventory));
    // The nodes matter: without them the deny to the control plane matches nothing.
    const withoutNodes = objects().filter((o) => (o as { kind: string }).kind !== 'Node');
    expect(lines(buildInventory(sourced(withoutNodes)))).not.toEqual(lines(inventory));
    expect(snapshotContentHash(createSnapshot(rebuilt, options))).toBe(
      snapshotContentHash(snapshot),
    );
  });

  it('hashes the same whatever the order of the nodes and of their addresses', () => {
    const reordered = objects().reverse() as { kind: string; status?: { addresses: unknown[] } }[];
    for (const o of reordered) if (o.kind === 'Node') o.status?.addresses.reverse();
    const again = createSnapshot(buildInventory(sourced(reordered)), options);
    expect(snapshotContentHash(again)).toBe(snapshotContentHash(snapshot));
  });

  it('leaves the field out when the nodes are unknown', () => {
    const withoutNodes = objects().filter((o) => (o as { kind: string }).kind !== 'Node');
    const plain = createSnapshot(buildInventory(sourced(withoutNodes)), options);
    expect(Object.keys(plain)).not.toContain('nodes');
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(plain)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(buildInventory(snapshotToObjects(parsed.snapshot)).nodesKnown).toBe(false);
  });

  it.each<[string, unknown, string]>([
    [
      'a node address that is no IP',
      [{ name: 'a', labels: {}, addresses: ['10.0.0.300'] }],
      'nodes[0].addresses[0]',
    ],
    [
      'too many addresses on one node',
      [
        {
          name: 'a',
          labels: {},
          addresses: Array.from(
            { length: SNAPSHOT_LIMITS.addressesPerNode + 1 },
            (_, i) => `10.0.0.${i + 1}`,
          ),
        },
      ],
      'nodes[0].addresses',
    ],
    ['an unknown node field', [{ name: 'a', labels: {}, addresses: [], taints: [] }], 'nodes[0]'],
  ])('rejects %s', (_name, nodes, path) => {
    const parsed = parseSnapshot(JSON.parse(JSON.stringify({ ...snapshot, nodes })));
    if (parsed.ok) throw new Error('expected the snapshot to be rejected');
    expect(parsed.issues.map((i) => i.path)).toContain(path);
  });
});
