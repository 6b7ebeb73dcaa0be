import fc from 'fast-check';

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

const labels = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 3 });

const requirement = fc.oneof(
  fc.record({
    key: fc.constantFrom(...KEYS, 'kubernetes.io/metadata.name'),
    operator: fc.constantFrom('In', 'NotIn'),
    values: fc.uniqueArray(fc.constantFrom(...VALUES, ...NAMESPACES), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);

const selector = fc.record(
  { matchLabels: labels, matchExpressions: fc.array(requirement, { maxLength: 2 }) },
  { requiredKeys: [] },
);

const ipBlock = fc
  .constantFrom(...CIDRS)
  .chain((cidr) =>
    fc.record(
      { cidr: fc.constant(cidr), except: fc.subarray(EXCEPTS[cidr] ?? []) },
      { requiredKeys: ['cidr'] },
    ),
  );

const peer = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ podSelector: selector, namespaceSelector: selector }),
  fc.record({ ipBlock }),
);

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

const rule = (peerField: 'from' | 'to') =>
  fc.record(
    { [peerField]: fc.array(peer, { maxLength: 3 }), ports: fc.array(port, { maxLength: 3 }) },
    { requiredKeys: [] },
  );

const policyTypes = fc.option(fc.subarray(['Ingress', 'Egress'], { minLength: 1 }), {
  nil: undefined,
});

export const policyArbitrary = (index: number) =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      podSelector: selector,
      ingress: fc.option(fc.array(rule('from'), { maxLength: 3 }), { nil: undefined }),
      egress: fc.option(fc.array(rule('to'), { maxLength: 3 }), { nil: undefined }),
      policyTypes,
    })
    .map(({ namespace, podSelector, ingress, egress, policyTypes: types }) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `policy-${index}`, namespace },
      spec: {
        podSelector,
        ...(ingress ? { ingress } : {}),
        ...(egress ? { egress } : {}),
        ...(types ? { policyTypes: types } : {}),
      },
    }));

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
const nodesArbitrary = fc
  .integer({ min: 0, max: 3 })
  .chain((n): fc.Arbitrary<readonly unknown[]> =>
    n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => nodeArbitrary(i))),
  );

/** Priorities drawn from a small set, so that ties (same-priority policies) are frequent. */
const PRIORITIES = [0, 5, 5, 10, 1000];
const NETWORKS = ['10.0.0.0/8', '10.1.2.0/24', '10.1.2.3/32', '0.0.0.0/0', '192.168.0.0/16'];

const podSelection = fc.record(
  { namespaceSelector: selector, podSelector: selector },
  { requiredKeys: ['podSelector'] },
);

const clusterPeer = (direction: 'ingress' | 'egress', named: boolean) =>
  direction === 'ingress' || named
    ? fc.oneof(fc.record({ namespaces: selector }), fc.record({ pods: podSelection }))
    : fc.oneof(
        fc.record({ namespaces: selector }),
        fc.record({ pods: podSelection }),
        fc.record({
          networks: fc.uniqueArray(fc.constantFrom(...NETWORKS), { minLength: 1, maxLength: 2 }),
        }),
        fc.record({ nodes: selector }),
      );

/** v1alpha2 `protocols` items, or v1alpha1 `ports` items; `named` says whether a named port is used. */
const clusterPorts = (version: 'v1alpha1' | 'v1alpha2') =>
  fc
    .array(
      fc.oneof(
        fc.record({
          kind: fc.constant('number' as const),
          protocol: fc.constantFrom(...PROTOCOLS),
          port: fc.constantFrom(...INTERESTING_PORTS),
        }),
        fc.record({
          kind: fc.constant('range' as const),
          protocol: fc.constantFrom(...PROTOCOLS),
          start: fc.constantFrom(53, 80, 443),
          end: fc.constantFrom(444, 8080, 9090),
        }),
        fc.record({ kind: fc.constant('named' as const), name: fc.constantFrom(...PORT_NAMES) }),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((items) => ({
      named: items.some((i) => i.kind === 'named'),
      list: items.map((i) => {
        if (i.kind === 'named')
          return version === 'v1alpha2' ? { destinationNamedPort: i.name } : { namedPort: i.name };
        const proto = i.protocol.toLowerCase();
        if (i.kind === 'number') {
          return version === 'v1alpha2'
            ? { [proto]: { destinationPort: { number: i.port } } }
            : { portNumber: { protocol: i.protocol, port: i.port } };
        }
        return version === 'v1alpha2'
          ? { [proto]: { destinationPort: { range: { start: i.start, end: i.end } } } }
          : { portRange: { protocol: i.protocol, start: i.start, end: i.end } };
      }),
    }));

const clusterRule = (
  direction: 'ingress' | 'egress',
  version: 'v1alpha1' | 'v1alpha2',
  actions: readonly string[],
) =>
  fc
    .record({
      action: fc.constantFrom(...actions),
      ports: fc.option(clusterPorts(version), { nil: undefined }),
    })
    .chain(({ action, ports }) =>
      fc
        .array(clusterPeer(direction, ports?.named === true), { minLength: 1, maxLength: 2 })
        .map((peers) => ({
          action,
          [direction === 'ingress' ? 'from' : 'to']: peers,
          ...(ports ? { [version === 'v1alpha2' ? 'protocols' : 'ports']: ports.list } : {}),
        })),
    );

/** A ClusterNetworkPolicy, AdminNetworkPolicy or (`default`) BaselineAdminNetworkPolicy. */
export const clusterPolicyArbitrary = (index: number) =>
  fc
    .constantFrom('ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy')
    .chain((kind) => {
      const version = kind === 'ClusterNetworkPolicy' ? 'v1alpha2' : 'v1alpha1';
      const actions =
        kind === 'ClusterNetworkPolicy'
          ? ['Accept', 'Deny', 'Pass']
          : kind === 'AdminNetworkPolicy'
            ? ['Allow', 'Deny', 'Pass']
            : ['Allow', 'Deny'];
      return fc
        .record({
          tier: fc.constantFrom('Admin', 'Baseline'),
          priority: fc.constantFrom(...PRIORITIES),
          subject: fc.oneof(fc.record({ namespaces: selector }), fc.record({ pods: podSelection })),
          ingress: fc.array(clusterRule('ingress', version, actions), { maxLength: 3 }),
          egress: fc.array(clusterRule('egress', version, actions), { maxLength: 3 }),
        })
        .map(({ tier, priority, subject, ingress, egress }) => ({
          apiVersion: `policy.networking.k8s.io/${version}`,
          kind,
          // The baseline singleton must be named `default`; at most one is generated.
          metadata: {
            name: kind === 'BaselineAdminNetworkPolicy' ? 'default' : `cluster-${index}`,
          },
          spec: {
            ...(kind === 'ClusterNetworkPolicy' ? { tier } : {}),
            ...(kind !== 'BaselineAdminNetworkPolicy' ? { priority } : {}),
            subject,
            ...(ingress.length ? { ingress } : {}),
            ...(egress.length ? { egress } : {}),
          },
        }));
    });

/** 0–4 cluster policies, at most one BaselineAdminNetworkPolicy. */
const clusterPoliciesArbitrary = fc
  .integer({ min: 0, max: 4 })
  .chain((n): fc.Arbitrary<readonly unknown[]> =>
    n === 0
      ? fc.constant([])
      : fc.tuple(...Array.from({ length: n }, (_, i) => clusterPolicyArbitrary(i))),
  )
  .map((list) => {
    let baseline = false;
    return (list as { kind: string }[]).filter((p) => {
      if (p.kind !== 'BaselineAdminNetworkPolicy') return true;
      if (baseline) return false;
      return (baseline = true);
    });
  });

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
      fc.tuple(...Array.from({ length: podCount }, (_, i) => podArbitrary(i))),
      policyCount === 0
        ? fc.constant([])
        : fc.tuple(...Array.from({ length: policyCount }, (_, i) => policyArbitrary(i))),
      fc.option(serviceArbitrary, { nil: undefined }),
      clusterPoliciesArbitrary,
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
