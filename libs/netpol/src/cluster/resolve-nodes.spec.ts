import { parseIp } from '../cidr/ip-address';
import { buildInventory } from '../inventory/build-inventory';
import type { Inventory, Pod } from '../inventory/inventory';
import { buildModel } from '../model/reachability-model';
import { isAllowed } from '../reference/evaluate';
import type { Endpoint } from '../reference/traffic';
import { clusterPolicyFindings } from './cluster-findings';
import { resolveNodePeers } from './resolve-nodes';

/**
 * Worked out by hand: a CNP in the Admin tier denies every pod's egress to the control-plane
 * node. The control-plane node has 10.0.1.1 (InternalIP) and 203.0.113.1 (ExternalIP); the worker
 * has 10.0.2.1. `cp-agent` is a host-network pod on the control-plane node (IP 10.0.1.1),
 * `worker-agent` one on the worker (10.0.2.1). Nothing else restricts traffic, so everything
 * else is allowed.
 */
const node = (name: string, role: string, addresses: [string, string][]) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { role } },
  status: {
    addresses: [
      ...addresses.map(([type, address]) => ({ type, address })),
      { type: 'Hostname', address: name },
    ],
  },
});
const pod = (namespace: string, name: string, ip: string, hostNetwork: boolean) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels: { app: name } },
  spec: { hostNetwork, containers: [{ name: 'main' }] },
  status: { podIP: ip },
});
const denyControlPlane = {
  apiVersion: 'policy.networking.k8s.io/v1alpha2',
  kind: 'ClusterNetworkPolicy',
  metadata: { name: 'no-control-plane' },
  spec: {
    tier: 'Admin',
    priority: 10,
    subject: { namespaces: {} },
    egress: [{ action: 'Deny', to: [{ nodes: { matchLabels: { role: 'control-plane' } } }] }],
  },
};
const NODES = [
  node('cp-1', 'control-plane', [
    ['InternalIP', '10.0.1.1'],
    ['ExternalIP', '203.0.113.1'],
  ]),
  node('worker-1', 'worker', [['InternalIP', '10.0.2.1']]),
];
const PODS = [
  pod('app', 'client', '10.244.0.5', false),
  pod('kube-system', 'cp-agent', '10.0.1.1', true),
  pod('kube-system', 'worker-agent', '10.0.2.1', true),
];

const inventoryOf = (objects: unknown[]): Inventory => {
  const inventory = buildInventory(objects.map((object) => ({ object })));
  expect(inventory.issues).toEqual([]);
  return inventory;
};
const podNamed = (inventory: Inventory, name: string): Endpoint => ({
  kind: 'pod',
  pod: inventory.pods.find((p) => p.name === name) as Pod,
});
const external = (ip: string): Endpoint => ({ kind: 'external', ip: parseIp(ip)! });

/** Reference and model verdict for TCP/443 from `client`; asserts that they agree. */
function verdict(inventory: Inventory, dst: Endpoint): boolean {
  const src = podNamed(inventory, 'client');
  const reference = isAllowed(inventory, { src, dst, protocol: 'TCP', port: 443 }).allowed;
  expect(buildModel(inventory).connections(src, dst).has('TCP', 443)).toBe(reference);
  return reference;
}

describe('nodes peers with the nodes in the inventory', () => {
  const inventory = inventoryOf([...NODES, ...PODS, denyControlPlane]);

  it('reads the nodes with their InternalIP and ExternalIP addresses only', () => {
    expect(inventory.nodesKnown).toBe(true);
    expect(inventory.nodes.map((n) => [n.name, n.addresses.length])).toEqual([
      ['cp-1', 2],
      ['worker-1', 1],
    ]);
  });

  it('denies egress to the host-network pod on the control-plane node', () => {
    expect(verdict(inventory, podNamed(inventory, 'cp-agent'))).toBe(false);
  });

  it('denies egress to both control-plane node IPs as external addresses', () => {
    expect(verdict(inventory, external('10.0.1.1'))).toBe(false);
    expect(verdict(inventory, external('203.0.113.1'))).toBe(false);
  });

  it('leaves the worker node, its host-network pod and neighbouring addresses alone', () => {
    expect(verdict(inventory, podNamed(inventory, 'worker-agent'))).toBe(true);
    expect(verdict(inventory, external('10.0.2.1'))).toBe(true);
    expect(verdict(inventory, external('10.0.1.2'))).toBe(true);
    expect(verdict(inventory, external('203.0.113.0'))).toBe(true);
  });

  it('resolves each peer once: resolved policies are left as they are', () => {
    expect(resolveNodePeers(inventory.clusterPolicies, [])).toEqual(inventory.clusterPolicies);
    expect(resolveNodePeers(inventory.clusterPolicies, inventory.nodes)[0]).toBe(
      inventory.clusterPolicies[0],
    );
  });

  it('reports no NODES_PEER_NOT_EVALUATED finding', () => {
    expect(clusterPolicyFindings(inventory).map((f) => f.code)).not.toContain(
      'NODES_PEER_NOT_EVALUATED',
    );
  });
});

describe('nodes peers without nodes in the inventory', () => {
  const inventory = inventoryOf([...PODS, denyControlPlane]);

  it('match nothing and are reported as not evaluated', () => {
    expect(inventory.nodesKnown).toBe(false);
    expect(verdict(inventory, podNamed(inventory, 'cp-agent'))).toBe(true);
    expect(verdict(inventory, external('10.0.1.1'))).toBe(true);
    expect(clusterPolicyFindings(inventory).map((f) => f.code)).toEqual([
      'NODES_PEER_NOT_EVALUATED',
    ]);
  });
});

describe('Node objects are validated like the API server does', () => {
  it('reports bad label keys, label values and addresses, and keeps the flag', () => {
    const inventory = buildInventory([
      {
        object: {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: 'bad', labels: { 'a b': 'x', role: 'not ok!' } },
          status: { addresses: [{ type: 'InternalIP', address: '10.0.0.300' }] },
        },
      },
      { object: { ...node('Bad_Name', 'worker', []) } },
    ]);
    expect(inventory.issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual([
      'INVALID_IP status.addresses[0].address',
      'INVALID_LABEL_KEY metadata.labels',
      'INVALID_LABEL_VALUE metadata.labels.role',
      'INVALID_NAME metadata.name',
    ]);
    expect(inventory.nodes).toEqual([]);
    expect(inventory.nodesKnown).toBe(true);
  });

  it('a Node of another API version is not a node', () => {
    const inventory = buildInventory([{ object: { ...NODES[0], apiVersion: 'example.com/v1' } }]);
    expect(inventory.nodesKnown).toBe(false);
    expect(inventory.ignoredKinds).toEqual({ 'example.com/v1/Node': 1 });
  });
});
