import fc from 'fast-check';

/**
 * Random Calico objects over the vocabulary of cluster-arbitrary (namespaces ns-a..c, keys
 * app/tier/env, values web/db/x, ports http/dns/metrics, 10.x CIDRs): tiers with random order
 * and default action, Calico NetworkPolicies and GlobalNetworkPolicies with every action, the
 * selector operators, nets/notNets, notSelector, namespaceSelector (incl. global()),
 * ports/notPorts with ranges and named ports, and network sets.
 */
const API = 'projectcalico.org/v3';
const SELECTORS = [
  'all()',
  "app == 'web'",
  "app != 'db'",
  'has(tier)',
  '!has(env)',
  "tier in {'web', 'x'}",
  "env not in {'db'}",
  "app starts with 'w'",
  "app contains 'b' || tier == 'db'",
  "(has(app) && !(env == 'x'))",
  "projectcalico.org/namespace == 'ns-b'",
];
const NAMESPACE_SELECTORS = [
  'all()',
  "app == 'web'",
  'has(tier)',
  "projectcalico.org/name != 'ns-a'",
  'global()',
];
const NETS = [
  '10.0.0.0/8',
  '10.1.0.0/16',
  '10.1.2.0/24',
  '0.0.0.0/0',
  '192.168.0.0/16',
  '10.1.2.3/32',
];
const PORTS: readonly (number | string)[] = [
  53,
  80,
  443,
  '80:90',
  '5000:9090',
  'http',
  'dns',
  'metrics',
];

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const compact = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const entity = fc
  .record({
    selector: optional(fc.constantFrom(...SELECTORS)),
    notSelector: optional(fc.constantFrom(...SELECTORS)),
    namespaceSelector: optional(fc.constantFrom(...NAMESPACE_SELECTORS)),
    nets: optional(fc.subarray(NETS, { minLength: 1, maxLength: 2 })),
    notNets: optional(fc.subarray(NETS, { minLength: 1, maxLength: 1 })),
  })
  .map(compact);

const rule = fc
  .record({
    action: fc.constantFrom('Allow', 'Allow', 'Deny', 'Pass', 'Log'),
    protocol: optional(fc.constantFrom('TCP', 'UDP', 'SCTP', 'ICMP', 6, 17)),
    notProtocol: optional(fc.constantFrom('UDP', 'TCP')),
    source: optional(entity),
    destination: optional(entity),
    ports: optional(fc.subarray([...PORTS], { minLength: 1, maxLength: 3 })),
    notPorts: optional(fc.subarray([...PORTS], { minLength: 1, maxLength: 1 })),
  })
  .map(({ ports, notPorts, destination, protocol, ...r }) => {
    // Ports need a port protocol (Calico validation): give one when ports are drawn.
    const withPorts = ports || notPorts;
    const proto = withPorts && (protocol === undefined || protocol === 'ICMP') ? 'TCP' : protocol;
    return compact({
      ...r,
      protocol: proto,
      destination: withPorts ? compact({ ...(destination ?? {}), ports, notPorts }) : destination,
    });
  });

const TIERS = ['default', 'kube-admin', 'kube-baseline', 'security', 'platform'];

const policySpec = fc
  .record({
    tier: fc.constantFrom(...TIERS),
    order: optional(fc.constantFrom(1, 5, 5, 1000, 2000)),
    selector: optional(fc.constantFrom(...SELECTORS)),
    types: optional(fc.subarray(['Ingress', 'Egress'], { minLength: 1 })),
    ingress: fc.array(rule, { maxLength: 3 }),
    egress: fc.array(rule, { maxLength: 3 }),
  })
  .map(compact);

const policy = (index: number) =>
  fc
    .tuple(
      fc.boolean(),
      fc.constantFrom('ns-a', 'ns-b', 'ns-c'),
      policySpec,
      optional(fc.constantFrom(...NAMESPACE_SELECTORS.slice(0, 4))),
    )
    .map(([global, namespace, spec, nsSel]) =>
      global
        ? {
            apiVersion: API,
            kind: 'GlobalNetworkPolicy',
            metadata: { name: `gnp-${index}` },
            spec: compact({ ...spec, namespaceSelector: nsSel }),
          }
        : {
            apiVersion: API,
            kind: 'NetworkPolicy',
            metadata: { name: `np-${index}`, namespace },
            spec,
          },
    );

const tiers = fc
  .tuple(
    fc.record({
      order: optional(fc.constantFrom(100, 1000, 5000)),
      defaultAction: optional(fc.constantFrom('Deny', 'Pass')),
    }),
    fc.record({
      order: optional(fc.constantFrom(100, 200, 2_000_000)),
      defaultAction: optional(fc.constantFrom('Deny', 'Pass')),
    }),
  )
  .map(([security, platform]) => [
    { apiVersion: API, kind: 'Tier', metadata: { name: 'security' }, spec: compact(security) },
    { apiVersion: API, kind: 'Tier', metadata: { name: 'platform' }, spec: compact(platform) },
  ]);

const networkSets = fc
  .array(
    fc.record({
      global: fc.boolean(),
      namespace: fc.constantFrom('ns-a', 'ns-b', 'ns-c'),
      label: fc.constantFrom('web', 'db', 'x'),
      nets: fc.subarray(NETS, { minLength: 1, maxLength: 2 }),
    }),
    { maxLength: 2 },
  )
  .map((sets) =>
    sets.map((s, i) =>
      s.global
        ? {
            apiVersion: API,
            kind: 'GlobalNetworkSet',
            metadata: { name: `gns-${i}`, labels: { app: s.label } },
            spec: { nets: s.nets },
          }
        : {
            apiVersion: API,
            kind: 'NetworkSet',
            metadata: { name: `ns-${i}`, namespace: s.namespace, labels: { app: s.label } },
            spec: { nets: s.nets },
          },
    ),
  );

/** Calico objects to add to a random cluster: two tiers, 0–4 policies, 0–2 network sets. */
export const calicoObjectsArbitrary = fc
  .tuple(
    tiers,
    fc
      .integer({ min: 0, max: 4 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => policy(i)))),
    networkSets,
  )
  .map(([t, p, s]) => [...t, ...p, ...s]);
