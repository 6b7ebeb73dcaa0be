import {
  buildInventory,
  isAllowed,
  parseClusterPolicy,
  parseIp,
  type ClusterPolicy,
  type Pod,
} from '@fenceline/netpol';
import { baselineInventory } from './scope';

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
const cluster = [
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'cp-1', labels: { role: 'control-plane' } },
    status: { addresses: [{ type: 'InternalIP', address: '10.0.1.1' }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'client', namespace: 'app', labels: { app: 'client' } },
    spec: { containers: [{ name: 'main' }] },
    status: { podIP: '10.244.0.5' },
  },
];

describe('baselineInventory and nodes peers', () => {
  it("resolves the baseline's own nodes peers against the actual cluster's nodes", () => {
    const actual = buildInventory(cluster.map((object) => ({ object })));
    // As a baseline compiles it: read alone, without nodes.
    const parsed = parseClusterPolicy(
      denyControlPlane,
      { kind: 'ClusterNetworkPolicy', name: 'no-control-plane' },
      'ClusterNetworkPolicy',
    );
    const desired = baselineInventory(actual, new Set(), [], [parsed.value as ClusterPolicy]);
    const src = { kind: 'pod' as const, pod: desired.pods[0] as Pod };
    const toNode = { kind: 'external' as const, ip: parseIp('10.0.1.1')! };
    const toOther = { kind: 'external' as const, ip: parseIp('10.0.1.2')! };
    expect(isAllowed(desired, { src, dst: toNode, protocol: 'TCP', port: 443 }).allowed).toBe(
      false,
    );
    expect(isAllowed(desired, { src, dst: toOther, protocol: 'TCP', port: 443 }).allowed).toBe(
      true,
    );
  });
});
