import { buildInventory } from '@fenceline/netpol';
import { clusterNode } from '@fenceline/kube-fake';
import { contributionOf } from '../snapshot/object-contribution';
import { nodeView } from './object-views';
import { RESOURCES, served } from './resources';

const def = RESOURCES.find((r) => r.id === 'core/nodes')!;
const NODES = served(def, def.versions[0]!);
/** A list item: typed lists leave kind and apiVersion out. */
const item = (node: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'kind' && k !== 'apiVersion'));
const cp = (heartbeat?: string, labels: Record<string, string> = { zone: 'a' }) =>
  clusterNode(
    'cp-1',
    labels,
    [
      ['InternalIP', '10.0.0.10'],
      ['ExternalIP', '203.0.113.10'],
      ['Hostname', 'cp-1'],
      ['InternalDNS', 'cp-1.internal'],
    ],
    heartbeat,
  );

describe('nodeView', () => {
  it('keeps name, labels and the InternalIP/ExternalIP addresses only', () => {
    expect(nodeView(NODES, item(cp()))).toEqual({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'cp-1',
        labels: { 'kubernetes.io/hostname': 'cp-1', 'kubernetes.io/os': 'linux', zone: 'a' },
      },
      status: {
        addresses: [
          { type: 'InternalIP', address: '10.0.0.10' },
          { type: 'ExternalIP', address: '203.0.113.10' },
        ],
      },
    });
  });

  it('is read by the engine as the node it stands for', () => {
    const inventory = buildInventory([{ object: nodeView(NODES, item(cp())) }]);
    expect(inventory.issues).toEqual([]);
    expect(inventory.nodes.map((n) => [n.name, n.addresses.length])).toEqual([['cp-1', 2]]);
  });

  it('gives a kubelet heartbeat the same contribution, and a label or address change another', () => {
    const fingerprint = (node: Record<string, unknown>) =>
      contributionOf(nodeView(NODES, item(node)), 'node').fingerprint;
    const before = fingerprint(cp('2026-11-20T10:00:00Z'));
    expect(fingerprint(cp('2026-11-20T10:00:10Z'))).toBe(before);
    expect(fingerprint(cp(undefined, { zone: 'b' }))).not.toBe(before);
    const moved = cp();
    (moved['status'] as { addresses: { address: string }[] }).addresses[0]!.address = '10.0.0.99';
    expect(fingerprint(moved)).not.toBe(before);
  });

  it('never throws on a malformed Node', () => {
    for (const bad of [{}, { status: { addresses: 'x' } }, { status: { addresses: [null, 3] } }])
      expect(nodeView(NODES, bad)).toMatchObject({ kind: 'Node', status: { addresses: [] } });
  });
});
