import fc from 'fast-check';
import { tupleOf } from '@fenceline/netpol-arbitraries';
import { buildInventory, type Inventory } from '../../src/index';
import {
  assertOverTraffic,
  expectAgreement,
  expectChainAgreement,
  expectConnlistAgreement,
  RUNS,
  trafficPickArbitrary,
} from './agreement';
import { clusterArbitrary } from './cluster-arbitrary';

// Random Cilium objects over cluster-arbitrary's vocabulary (namespaces ns-a..c, keys
// app/tier/env, values web/db/x, ports http/dns/metrics, the 10.x and 192.168 CIDRs, node
// addresses 10.1.2.4 / 172.16.0.1 / 10.9.0.1 / 192.168.7.7).
const NAMESPACES = ['ns-a', 'ns-b', 'ns-c'];
const KEYS = ['app', 'k8s:app', 'tier', 'env', 'io.cilium.k8s.namespace.labels.app'];
const VALUES = ['web', 'db', 'x'];
const requirement = fc.oneof(
  fc.record({
    key: fc.constantFrom(...KEYS),
    operator: fc.constantFrom('In', 'NotIn'),
    values: fc.subarray(VALUES, { minLength: 1 }),
  }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);
const selector = fc.oneof(
  fc.constant({}),
  fc.record(
    {
      matchLabels: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), {
        maxKeys: 2,
      }),
      matchExpressions: fc.array(requirement, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
  fc
    .constantFrom(...NAMESPACES)
    .map((n) => ({ matchLabels: { 'k8s:io.kubernetes.pod.namespace': n } })),
);
const CIDR_SETS = [
  { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
  { cidr: '10.1.2.0/24' },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
  { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] },
  { cidrGroupRef: 'group-a' },
  { cidrGroupSelector: { matchLabels: { net: 'b' } } },
];
const ENTITIES = ['world', 'cluster', 'host', 'remote-node', 'all', 'kube-apiserver', 'health'];
const peerFields = (direction: 'from' | 'to') =>
  fc.record(
    {
      [`${direction}Endpoints`]: fc.array(selector, { maxLength: 2 }),
      [`${direction}Entities`]: fc.subarray(ENTITIES, { minLength: 1, maxLength: 2 }),
      [`${direction}CIDR`]: fc.subarray(['10.1.2.3', '192.168.0.0/16', '10.9.0.1/32'], {
        minLength: 1,
      }),
      [`${direction}CIDRSet`]: fc.subarray(CIDR_SETS, { minLength: 1, maxLength: 2 }),
      [`${direction}Nodes`]: fc.constantFrom(
        [{}],
        [{ matchLabels: { app: 'web' } }],
        [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }],
      ),
    },
    { requiredKeys: [] },
  );
const port = fc.oneof(
  fc.record(
    {
      port: fc.constantFrom('53', '80', '443', '0', 'http', 'dns', 'METRICS'),
      protocol: fc.constantFrom('TCP', 'UDP', 'ANY', 'SCTP'),
    },
    { requiredKeys: ['port'] },
  ),
  fc.record({
    port: fc.constantFrom('80', '443'),
    endPort: fc.constantFrom(81, 8080),
    protocol: fc.constant('TCP'),
  }),
);
const toPorts = fc.array(
  fc.oneof(
    fc.record({ ports: fc.array(port, { minLength: 1, maxLength: 2 }) }),
    fc.constant({ ports: [{ port: '80', protocol: 'TCP' }], rules: { http: [{ method: 'GET' }] } }),
  ),
  { minLength: 1, maxLength: 2 },
);
const rule = (direction: 'from' | 'to', deny: boolean) =>
  fc
    .tuple(peerFields(direction), fc.option(toPorts, { nil: undefined }), fc.boolean())
    .map(([peers, ports, extra]) => ({
      ...peers,
      ...(ports ? { toPorts: deny ? ports.map((p) => ({ ports: p.ports })) : ports } : {}),
      ...(extra && direction === 'to' && !deny
        ? { toServices: [{ k8sService: { serviceName: 'svc', namespace: 'ns-a' } }] }
        : {}),
    }));
// Deny rules are drawn less often, so that default-deny endpoints also decide by their allows.
const rules = (direction: 'from' | 'to', deny: boolean) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: deny ? 3 : 1 },
    { arbitrary: fc.array(rule(direction, deny), { maxLength: 2 }), weight: 1 },
  );
const spec = fc
  .record({
    endpointSelector: selector,
    ingress: rules('from', false),
    ingressDeny: rules('from', true),
    egress: rules('to', false),
    egressDeny: rules('to', true),
    enableDefaultDeny: fc.option(
      fc.record({ ingress: fc.boolean(), egress: fc.boolean() }, { requiredKeys: [] }),
      { nil: undefined },
    ),
  })
  .map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)));
const ciliumPolicy = (index: number) =>
  fc
    .record({
      clusterwide: fc.boolean(),
      namespace: fc.constantFrom(...NAMESPACES),
      specs: fc.array(spec, { minLength: 1, maxLength: 2 }),
      asList: fc.boolean(),
    })
    .map(({ clusterwide, namespace, specs, asList }) => ({
      apiVersion: 'cilium.io/v2',
      kind: clusterwide ? 'CiliumClusterwideNetworkPolicy' : 'CiliumNetworkPolicy',
      metadata: { name: `cilium-${index}`, ...(clusterwide ? {} : { namespace }) },
      ...(asList ? { specs } : { spec: specs[0] }),
    }));
const GROUPS = [
  {
    apiVersion: 'cilium.io/v2alpha1',
    kind: 'CiliumCIDRGroup',
    metadata: { name: 'group-a', labels: { net: 'a' } },
    spec: { externalCIDRs: ['10.3.0.0/16', '8.8.8.0/24'] },
  },
  {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumCIDRGroup',
    metadata: { name: 'group-b', labels: { net: 'b' } },
    spec: { externalCIDRs: ['192.168.2.0/24'] },
  },
];
const ciliumObjectsArbitrary = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => tupleOf(n, ciliumPolicy))
  .map((policies) => [...GROUPS, ...policies]);

describe('Cilium: model = reference over random mixes of Cilium, NetworkPolicy and ClusterNetworkPolicy', () => {
  it('isAllowed, allowedConnections and the model agree on every pair', () => {
    fc.assert(
      fc.property(
        clusterArbitrary,
        ciliumObjectsArbitrary,
        trafficPickArbitrary,
        (objects, cilium, pick) => {
          const inventory = buildInventory([...objects, ...cilium].map((object) => ({ object })));
          expect(inventory.issues).toEqual([]);
          expect(inventory.cilium?.policies.length).toBeGreaterThan(0);
          expectAgreement(inventory, pick);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the model connlist equals the reference connlist (external ranges cut at Cilium CIDRs and node addresses)', () => {
    fc.assert(
      fc.property(clusterArbitrary, ciliumObjectsArbitrary, (objects, cilium) => {
        const inventory = buildInventory([...objects, ...cilium].map((object) => ({ object })));
        expectConnlistAgreement(inventory);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

/**
 * Cilium enforces NetworkPolicies as allow rules of default-deny endpoints: with Cilium objects
 * that select nothing, the Cilium chain decides as the network-policy-api tiers do wherever
 * Cilium's documented semantics coincide with them, that is without host-network pods and Node
 * objects (those are Cilium's host/remote-node identities, which CIDRs and pod selectors do not
 * match).
 */
describe('the Cilium chain agrees with the Kubernetes tiers on NetworkPolicy + ClusterNetworkPolicy', () => {
  it('isAllowed, allowedConnections and the model through the chain equal the standard evaluation', () => {
    const withoutHosts = (objects: unknown[]) =>
      objects
        .filter((o) => (o as { kind?: string }).kind !== 'Node')
        .map((o) => {
          const obj = o as { kind?: string; spec?: Record<string, unknown> };
          return obj.kind === 'Pod' ? { ...obj, spec: { ...obj.spec, hostNetwork: false } } : obj;
        });
    assertOverTraffic((objects, options, pick) => {
      const standard = buildInventory(objects.map((object) => ({ object })));
      const chained: Inventory = { ...standard, cilium: { policies: [], cidrGroups: [] } };
      expectChainAgreement(standard, chained, pick, options);
    }, clusterArbitrary.map(withoutHosts));
  });
});
