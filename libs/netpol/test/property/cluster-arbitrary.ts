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

/** A random cluster: 3 namespaces, 1–6 pods, 0–5 policies, maybe an exposed service, as raw objects. */
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
    ),
  )
  .map(
    ([namespaces, pods, policies, exposed]) =>
      [...namespaces, ...pods, ...policies, ...(exposed ?? [])] as unknown[],
  );

export const externalIpArbitrary = fc.constantFrom(
  '10.1.2.3',
  '10.1.2.200',
  '10.1.200.1',
  '10.3.0.1',
  '192.168.1.1',
  '192.168.2.1',
  '8.8.8.8',
);
export const protocolArbitrary = fc.constantFrom(...PROTOCOLS);
export const portArbitrary = fc.oneof(
  fc.constantFrom(...INTERESTING_PORTS),
  fc.integer({ min: 1, max: 65535 }),
);
