import { buildInventory } from '@fenceline/netpol';
import { coverageReport } from './coverage-report';

const policy = {
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
const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'cp-1', labels: { role: 'control-plane' } },
  status: { addresses: [{ type: 'InternalIP', address: '10.0.1.1' }] },
};
const unevaluated = (objects: unknown[]) =>
  coverageReport(buildInventory(objects.map((object) => ({ object })))).unevaluatedClusterRules.map(
    (r) => `${r.policy} ${r.peer}`,
  );

describe('coverage report: nodes peers', () => {
  it('lists a nodes rule as not evaluated only while the nodes are unknown', () => {
    expect(unevaluated([policy])).toEqual(['cnp/no-control-plane nodes role=control-plane']);
    expect(unevaluated([policy, node])).toEqual([]);
  });
});
