import fc from 'fast-check';
import {
  clusterPoliciesArbitrary,
  clusterPortsArbitrary,
  labelsArbitrary,
  networkPolicyObject,
  networkPolicyPeerArbitrary,
  networkPolicyRuleArbitrary,
  networkPolicySpecArbitrary,
  podSelectionArbitrary,
  selectorArbitrary,
  tupleOf,
  type ClusterPolicyVocabulary,
} from '@fenceline/netpol-arbitraries';

/**
 * Random small clusters as raw Kubernetes objects: namespaces, pods with labels, named ports and
 * IPs, and NetworkPolicies using every selector operator, peer form, port form and ipBlock
 * shape. Small vocabularies make selectors actually match things.
 */
const NAMESPACES = ['ns-a', 'ns-b', 'ns-c'];
const KEYS = ['app', 'tier', 'env'];
const VALUES = ['web', 'db', 'x'];
const PORT_NAMES = ['http', 'dns', 'metrics'];
export const INTERESTING_PORTS = [53, 80, 81, 443, 5432, 8080, 9090];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const CIDRS = [
  '10.0.0.0/8',
  '10.1.0.0/16',
  '10.1.2.0/24',
  '0.0.0.0/0',
  '192.168.0.0/16',
  '10.1.2.3/32',
];
const EXCEPTS: Record<string, string[]> = {
  '10.0.0.0/8': ['10.1.0.0/16', '10.2.0.0/16'],
  '10.1.0.0/16': ['10.1.2.0/24'],
  '10.1.2.0/24': ['10.1.2.3/32'],
  '0.0.0.0/0': ['10.0.0.0/8', '192.168.0.0/16'],
  '192.168.0.0/16': ['192.168.1.0/24'],
  '10.1.2.3/32': [],
};

const vocabulary = { keys: KEYS, values: VALUES, namespaces: NAMESPACES };
const labels = labelsArbitrary(vocabulary, 3);
const selector = selectorArbitrary(vocabulary, { maxLabels: 3, maxExpressions: 2 });

const ipBlock = fc
  .constantFrom(...CIDRS)
  .chain((cidr) =>
    fc.record(
      { cidr: fc.constant(cidr), except: fc.subarray(EXCEPTS[cidr] ?? []) },
      { requiredKeys: ['cidr'] },
    ),
  );

const peer = networkPolicyPeerArbitrary(selector, fc.record({ ipBlock }));

const port = fc.oneof(
  fc.record({ protocol: fc.constantFrom(...PROTOCOLS) }, { requiredKeys: [] }),
  fc.record(
    { protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom(...INTERESTING_PORTS) },
    { requiredKeys: ['port'] },
  ),
  fc.record(
    { protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom(...PORT_NAMES) },
    { requiredKeys: ['port'] },
  ),
  fc.constantFrom(53, 80, 443).chain((p) =>
    fc.record(
      {
        protocol: fc.constantFrom(...PROTOCOLS),
        port: fc.constant(p),
        endPort: fc.integer({ min: p, max: 9090 }),
      },
      { requiredKeys: ['port', 'endPort'] },
    ),
  ),
);

const policySpec = networkPolicySpecArbitrary({
  podSelector: selector,
  ingressRule: networkPolicyRuleArbitrary('from', peer, port, { maxLength: 3 }),
  egressRule: networkPolicyRuleArbitrary('to', peer, port, { maxLength: 3 }),
  maxRules: 3,
});

const policyArbitrary = (index: number) =>
  fc
    .tuple(fc.constantFrom(...NAMESPACES), policySpec)
    .map(([namespace, spec]) => networkPolicyObject(`policy-${index}`, namespace, spec));

const containerPort = fc.record({
  name: fc.constantFrom(...PORT_NAMES),
  containerPort: fc.constantFrom(...INTERESTING_PORTS),
  protocol: fc.constantFrom(...PROTOCOLS),
});

const podArbitrary = (index: number) =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      labels,
      ports: fc.uniqueArray(containerPort, { maxLength: 3, selector: (p) => p.name }),
      // 10.1.2.4 and 172.16.0.1 are also node addresses: host-network pods on those nodes.
      ip: fc.constantFrom(
        '10.1.2.3',
        '10.1.2.4',
        '10.1.9.9',
        '10.2.0.1',
        '192.168.1.5',
        '172.16.0.1',
      ),
      hostNetwork: fc.boolean(),
      owner: fc.option(fc.constantFrom('rs-1', 'rs-2'), { nil: undefined }),
    })
    .map(({ namespace, labels: podLabels, ports, ip, hostNetwork, owner }) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `pod-${index}`,
        namespace,
        labels: podLabels,
        // Several pods of one ReplicaSet, possibly with different labels: rows are unions.
        ...(owner
          ? { ownerReferences: [{ kind: 'ReplicaSet', name: owner, controller: true }] }
          : {}),
      },
      spec: { hostNetwork, containers: [{ name: 'main', ports }] },
      status: { podIP: ip },
    }));

const namespaceArbitrary = (name: string) =>
  labels.map((nsLabels) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: nsLabels },
  }));

const serviceArbitrary = fc
  .record({
    namespace: fc.constantFrom(...NAMESPACES),
    app: fc.constantFrom(...VALUES),
    targetPort: fc.constantFrom<number | string>(80, 8080, 'http', 'metrics'),
    protocol: fc.constantFrom(...PROTOCOLS),
    route: fc.boolean(),
  })
  .map(({ namespace, app, targetPort, protocol, route }) => [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'svc', namespace },
      spec: { selector: { app }, ports: [{ name: 'web', port: 80, targetPort, protocol }] },
    },
    route
      ? {
          apiVersion: 'route.openshift.io/v1',
          kind: 'Route',
          metadata: { name: 'r', namespace },
          spec: { to: { kind: 'Service', name: 'svc' }, port: { targetPort: 'web' } },
        }
      : {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'Ingress',
          metadata: { name: 'i', namespace },
          spec: { defaultBackend: { service: { name: 'svc', port: { number: 80 } } } },
        },
  ]);

/** Node addresses: two shared with pods (host-network pods), one inside a CIDR, one alone. */
const NODE_IPS = ['10.1.2.4', '172.16.0.1', '10.9.0.1', '192.168.7.7'];

const nodeArbitrary = (index: number) =>
  fc
    .record({
      labels,
      internal: fc.constantFrom(...NODE_IPS),
      external: fc.option(fc.constantFrom(...NODE_IPS), { nil: undefined }),
    })
    .map(({ labels: nodeLabels, internal, external }) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `node-${index}`, labels: nodeLabels },
      status: {
        addresses: [
          { type: 'InternalIP', address: internal },
          ...(external ? [{ type: 'ExternalIP', address: external }] : []),
          { type: 'Hostname', address: `node-${index}` },
        ],
      },
    }));

/** No Node objects (nodes unknown: `nodes` peers match nothing) or 1–3 nodes. */
const nodesArbitrary = fc.integer({ min: 0, max: 3 }).chain((n) => tupleOf(n, nodeArbitrary));

const NETWORKS = ['10.0.0.0/8', '10.1.2.0/24', '10.1.2.3/32', '0.0.0.0/0', '192.168.0.0/16'];

/** Cluster policies: both tiers, every action, tied priorities, egress `nodes` peers. */
const CLUSTER_POLICIES: ClusterPolicyVocabulary = {
  namespaces: selector,
  pods: podSelectionArbitrary(selector),
  networks: fc.uniqueArray(fc.constantFrom(...NETWORKS), { minLength: 1, maxLength: 2 }),
  nodes: selector,
  ports: (version) =>
    clusterPortsArbitrary(version, {
      protocols: PROTOCOLS,
      ports: INTERESTING_PORTS,
      starts: [53, 80, 443],
      ends: [444, 8080, 9090],
      names: PORT_NAMES,
      maxLength: 3,
    }),
};

/**
 * A random cluster: 3 namespaces, 1–6 pods, 0–5 NetworkPolicies, maybe an exposed service, and
 * 0–4 cluster policies of all three kinds (both tiers, every action, tied priorities; egress
 * `nodes` peers) and 0–3 nodes, as raw objects.
 */
export const clusterArbitrary = fc
  .record({ podCount: fc.integer({ min: 1, max: 6 }), policyCount: fc.integer({ min: 0, max: 5 }) })
  .chain(({ podCount, policyCount }) =>
    fc.tuple(
      fc.tuple(...NAMESPACES.map(namespaceArbitrary)),
      tupleOf(podCount, podArbitrary),
      tupleOf(policyCount, policyArbitrary),
      fc.option(serviceArbitrary, { nil: undefined }),
      clusterPoliciesArbitrary(CLUSTER_POLICIES, { max: 4 }),
      nodesArbitrary,
    ),
  )
  .map(
    ([namespaces, pods, policies, exposed, clusterPolicies, nodes]) =>
      [
        ...namespaces,
        ...pods,
        ...policies,
        ...(exposed ?? []),
        ...clusterPolicies,
        ...nodes,
      ] as unknown[],
  );

export const externalIpArbitrary = fc.constantFrom(
  '10.1.2.3',
  '10.1.2.200',
  '10.1.200.1',
  '10.3.0.1',
  '192.168.1.1',
  '192.168.2.1',
  '8.8.8.8',
  '10.9.0.1',
  '172.16.0.1',
);
export const protocolArbitrary = fc.constantFrom(...PROTOCOLS);
export const portArbitrary = fc.oneof(
  fc.constantFrom(...INTERESTING_PORTS),
  fc.integer({ min: 1, max: 65535 }),
);
