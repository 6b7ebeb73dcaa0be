import fc from 'fast-check';

/**
 * Random small clusters mixing NetworkPolicies with all three cluster-scoped kinds
 * (ClusterNetworkPolicy v1alpha2 of both tiers, AdminNetworkPolicy, the BaselineAdminNetworkPolicy
 * singleton), every action, tied priorities, named ports and networks — the shape of netpol's
 * own `clusterPolicyArbitrary` (libs/netpol/test/property), smaller. Empty selectors and
 * `0.0.0.0/0` are frequent so that catch-all rules (default deny, overrides) occur often.
 */
export const NAMESPACES = ['a', 'b', 'c'];
export const PORTS = [80, 443, 5432];
const PROTOCOLS = ['TCP', 'UDP'] as const;
const NETWORKS = ['0.0.0.0/0', '10.0.0.0/8', '10.1.2.3/32'];

const labels = fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('web', 'db'), {
  maxKeys: 1,
});
// `{}` half the time: selecting everything is what default deny and overrides are made of.
const selector = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: labels }, { requiredKeys: [] }),
);

const namespace = (name: string) =>
  labels.map((l) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: l } }));

const pod = (i: number) =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      labels,
      named: fc.boolean(),
      ip: fc.constantFrom('10.1.2.3', '10.1.2.4', '192.168.0.9'),
      hostNetwork: fc.constantFrom(false, false, false, true),
      owner: fc.option(fc.constantFrom('rs-1', 'rs-2'), { nil: undefined }),
    })
    .map(({ namespace: ns, labels: l, named, ip, hostNetwork, owner }) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `pod${i}`,
        namespace: ns,
        labels: l,
        // Pods of one ReplicaSet may differ (labels, address): workloads are unions of pods.
        ...(owner
          ? { ownerReferences: [{ kind: 'ReplicaSet', name: owner, controller: true }] }
          : {}),
      },
      spec: {
        hostNetwork,
        containers: [{ name: 'main', ports: named ? [{ name: 'http', containerPort: 80 }] : [] }],
      },
      status: { podIP: ip },
    }));

const npPeer = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom(...NETWORKS) }) }),
);
const npRule = (field: 'from' | 'to') =>
  fc.record(
    {
      [field]: fc.array(npPeer, { minLength: 1, maxLength: 2 }),
      ports: fc.array(
        fc.record({
          protocol: fc.constantFrom(...PROTOCOLS),
          port: fc.constantFrom<number | string>(...PORTS, 'http'),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    },
    { requiredKeys: [] },
  );
const networkPolicy = (i: number) =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      podSelector: selector,
      policyTypes: fc.option(fc.subarray(['Ingress', 'Egress'], { minLength: 1 }), {
        nil: undefined,
      }),
      ingress: fc.array(npRule('from'), { maxLength: 2 }),
      egress: fc.array(npRule('to'), { maxLength: 2 }),
    })
    .map(({ namespace: ns, podSelector, policyTypes, ingress, egress }) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `np${i}`, namespace: ns },
      spec: {
        podSelector,
        ...(policyTypes ? { policyTypes } : {}),
        ...(ingress.length ? { ingress } : {}),
        ...(egress.length ? { egress } : {}),
      },
    }));

const podSelection = fc.record({ namespaceSelector: selector, podSelector: selector });
const clusterPeer = (direction: 'ingress' | 'egress', named: boolean) =>
  direction === 'ingress' || named
    ? fc.oneof(fc.record({ namespaces: selector }), fc.record({ pods: podSelection }))
    : fc.oneof(
        fc.record({ namespaces: selector }),
        fc.record({ pods: podSelection }),
        fc.record({ networks: fc.uniqueArray(fc.constantFrom(...NETWORKS), { minLength: 1 }) }),
      );

/** Ports of a rule in both API versions: a number, or the named port `http`. */
const clusterPorts = (version: 'v1alpha1' | 'v1alpha2') =>
  fc.oneof(
    fc
      .record({ protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom(...PORTS) })
      .map(({ protocol, port }) => ({
        named: false,
        list: [
          version === 'v1alpha2'
            ? { [protocol.toLowerCase()]: { destinationPort: { number: port } } }
            : { portNumber: { protocol, port } },
        ],
      })),
    fc.constant({
      named: true,
      list: [version === 'v1alpha2' ? { destinationNamedPort: 'http' } : { namedPort: 'http' }],
    }),
  );

const clusterRule = (
  direction: 'ingress' | 'egress',
  version: 'v1alpha1' | 'v1alpha2',
  actions: readonly string[],
) =>
  fc
    .record({
      action: fc.constantFrom(...actions),
      // Half the rules name no port: catch-alls (default deny, overrides) need that.
      ports: fc.option(clusterPorts(version), { nil: undefined, freq: 2 }),
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

const clusterPolicy = (i: number) =>
  fc
    .constantFrom('ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy')
    .chain((kind) => {
      const version = kind === 'ClusterNetworkPolicy' ? 'v1alpha2' : 'v1alpha1';
      const actions =
        kind === 'ClusterNetworkPolicy'
          ? ['Accept', 'Accept', 'Deny', 'Pass']
          : kind === 'AdminNetworkPolicy'
            ? ['Allow', 'Allow', 'Deny', 'Pass']
            : ['Allow', 'Deny'];
      return fc
        .record({
          tier: fc.constantFrom('Admin', 'Admin', 'Baseline'),
          priority: fc.constantFrom(0, 5, 5, 10),
          subject: fc.oneof(fc.record({ namespaces: selector }), fc.record({ pods: podSelection })),
          ingress: fc.array(clusterRule('ingress', version, actions), { maxLength: 3 }),
          egress: fc.array(clusterRule('egress', version, actions), { maxLength: 3 }),
        })
        .map(({ tier, priority, subject, ingress, egress }) => ({
          apiVersion: `policy.networking.k8s.io/${version}`,
          kind,
          metadata: { name: kind === 'BaselineAdminNetworkPolicy' ? 'default' : `cluster${i}` },
          spec: {
            ...(kind === 'ClusterNetworkPolicy' ? { tier } : {}),
            ...(kind !== 'BaselineAdminNetworkPolicy' ? { priority } : {}),
            subject,
            ...(ingress.length ? { ingress } : {}),
            ...(egress.length ? { egress } : {}),
          },
        }));
    });

const tuple = <T>(n: number, item: (i: number) => fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => item(i)));

/** Raw objects: 3 namespaces, 2–5 pods, 0–4 NetworkPolicies, 1–3 cluster policies (one BANP at most). */
export const tieredCluster = fc
  .record({
    pods: fc.integer({ min: 2, max: 5 }),
    policies: fc.integer({ min: 0, max: 4 }),
    cluster: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ pods, policies, cluster }) =>
    fc.tuple(
      fc.tuple(...NAMESPACES.map(namespace)),
      tuple(pods, pod),
      tuple(policies, networkPolicy),
      tuple(cluster, clusterPolicy),
    ),
  )
  .map(([namespaces, pods, policies, cluster]) => {
    let baseline = false;
    const once = cluster.filter((p) => {
      if (p.kind !== 'BaselineAdminNetworkPolicy') return true;
      return baseline ? false : (baseline = true);
    });
    return [...namespaces, ...pods, ...policies, ...once] as unknown[];
  });

/**
 * {@link tieredCluster} plus what makes an override likely: namespace `a` denies all ingress by
 * NetworkPolicy, and an AdminNetworkPolicy (priority tied with the generated ones at times)
 * allows every pod source, on TCP 80 or everything. Earlier rules may still decide first.
 */
export const overridingCluster = fc
  .tuple(tieredCluster, fc.constantFrom(0, 5, 10), fc.boolean())
  .map(([objects, priority, port80]) => [
    ...objects,
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'forced-deny', namespace: 'a' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    },
    {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: 'forced' },
      spec: {
        priority,
        subject: { namespaces: {} },
        ingress: [
          {
            action: 'Allow',
            from: [{ namespaces: {} }],
            ...(port80 ? { ports: [{ portNumber: { protocol: 'TCP', port: 80 } }] } : {}),
          },
        ],
      },
    },
  ]);
