import fc from 'fast-check';
import { clusterArbitrary, KEYS, NAME, NAMESPACES, VALUES, type Raw } from './arbitraries';

/**
 * Random cluster-scoped policies over the vocabulary of `arbitraries.ts` (mirrors netpol's
 * `clusterPolicyArbitrary`): ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy and the
 * BaselineAdminNetworkPolicy singleton (v1alpha1); both tiers, every action, tied priorities,
 * named ports, port ranges and networks that hit the pods' addresses. Valid by construction.
 */
const PRIORITIES = [0, 5, 5, 10, 1000];
const NETWORKS = ['10.0.0.0/8', '10.1.2.0/24', '10.1.2.3/32', '0.0.0.0/0', '192.168.0.0/16'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

const selector = fc.record(
  {
    matchLabels: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), {
      maxKeys: 1,
    }),
    matchExpressions: fc.array(
      fc.oneof(
        fc.record({
          key: fc.constantFrom(...KEYS, NAME),
          operator: fc.constantFrom('In', 'NotIn'),
          values: fc.uniqueArray(fc.constantFrom(...VALUES, ...NAMESPACES), {
            minLength: 1,
            maxLength: 2,
          }),
        }),
        fc.record({
          key: fc.constantFrom(...KEYS),
          operator: fc.constantFrom('Exists', 'DoesNotExist'),
        }),
      ),
      { maxLength: 1 },
    ),
  },
  { requiredKeys: [] },
);
const podSelection = fc.record(
  { namespaceSelector: selector, podSelector: selector },
  { requiredKeys: ['podSelector'] },
);
const peer = (direction: 'ingress' | 'egress', named: boolean) =>
  direction === 'ingress' || named
    ? fc.oneof(fc.record({ namespaces: selector }), fc.record({ pods: podSelection }))
    : fc.oneof(
        fc.record({ namespaces: selector }),
        fc.record({ pods: podSelection }),
        fc.record({
          networks: fc.uniqueArray(fc.constantFrom(...NETWORKS), { minLength: 1, maxLength: 2 }),
        }),
      );

type PortItem =
  | { kind: 'number'; protocol: string; port: number }
  | { kind: 'range'; protocol: string; start: number; end: number }
  | { kind: 'named'; name: string };
const ports = (version: 'v1alpha1' | 'v1alpha2') =>
  fc
    .array(
      fc.oneof(
        fc.record({
          kind: fc.constant('number' as const),
          protocol: fc.constantFrom(...PROTOCOLS),
          port: fc.constantFrom(53, 80, 8080),
        }),
        fc.record({
          kind: fc.constant('range' as const),
          protocol: fc.constantFrom(...PROTOCOLS),
          start: fc.constantFrom(53, 80),
          end: fc.constantFrom(81, 8080),
        }),
        fc.record({ kind: fc.constant('named' as const), name: fc.constant('http') }),
      ),
      { minLength: 1, maxLength: 2 },
    )
    .map((items: PortItem[]) => ({
      named: items.some((i) => i.kind === 'named'),
      list: items.map((i): Raw => {
        if (i.kind === 'named')
          return version === 'v1alpha2' ? { destinationNamedPort: i.name } : { namedPort: i.name };
        const proto = i.protocol.toLowerCase();
        if (i.kind === 'number')
          return version === 'v1alpha2'
            ? { [proto]: { destinationPort: { number: i.port } } }
            : { portNumber: { protocol: i.protocol, port: i.port } };
        return version === 'v1alpha2'
          ? { [proto]: { destinationPort: { range: { start: i.start, end: i.end } } } }
          : { portRange: { protocol: i.protocol, start: i.start, end: i.end } };
      }),
    }));

const rule = (
  direction: 'ingress' | 'egress',
  version: 'v1alpha1' | 'v1alpha2',
  actions: readonly string[],
) =>
  fc
    .record({
      action: fc.constantFrom(...actions),
      ports: fc.option(ports(version), { nil: undefined }),
    })
    .chain(({ action, ports: p }) =>
      fc.array(peer(direction, p?.named === true), { minLength: 1, maxLength: 2 }).map((peers) => ({
        action,
        [direction === 'ingress' ? 'from' : 'to']: peers,
        ...(p ? { [version === 'v1alpha2' ? 'protocols' : 'ports']: p.list } : {}),
      })),
    );

/** One cluster policy of a random kind; `cluster-<index>`, or `default` for the singleton. */
export const clusterPolicyArbitrary = (index: number, maxRules = 3) =>
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
          ingress: fc.array(rule('ingress', version, actions), { maxLength: maxRules }),
          egress: fc.array(rule('egress', version, actions), { maxLength: maxRules }),
        })
        .map(({ tier, priority, subject, ingress, egress }): Raw => ({
          apiVersion: `policy.networking.k8s.io/${version}`,
          kind,
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

/** 0–`max` cluster policies, at most one BaselineAdminNetworkPolicy. */
export const clusterPoliciesArbitrary = (max = 3) =>
  fc
    .integer({ min: 0, max })
    .chain((n) =>
      n === 0
        ? fc.constant([] as Raw[])
        : fc.tuple(...Array.from({ length: n }, (_, i) => clusterPolicyArbitrary(i))),
    )
    .map((list) => {
      let singleton = false;
      return list.filter((p) => {
        if (p['kind'] !== 'BaselineAdminNetworkPolicy') return true;
        if (singleton) return false;
        return (singleton = true);
      });
    });

/**
 * An Admin policy over every pod whose first egress rule names one network: pods of one shape
 * but other addresses are then treated differently (random subjects rarely get there).
 */
const addressRuleArbitrary = fc
  .record({
    action: fc.constantFrom('Accept', 'Deny', 'Pass'),
    network: fc.constantFrom(...NETWORKS),
  })
  .map(({ action, network }): Raw => ({
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'by-address' },
    spec: {
      tier: 'Admin',
      priority: 5,
      subject: { namespaces: {} },
      egress: [{ action, to: [{ networks: [network] }] }],
    },
  }));

/** `clusterArbitrary` with 0–`max` cluster policies added, often one that tells addresses apart. */
export const tieredClusterArbitrary = (kinds?: readonly string[], max = 3) =>
  fc
    .tuple(
      clusterArbitrary(kinds),
      clusterPoliciesArbitrary(max),
      fc.option(addressRuleArbitrary, { nil: undefined }),
    )
    .map(([objects, clusterPolicies, byAddress]) => [
      ...objects,
      ...clusterPolicies,
      ...(byAddress ? [byAddress] : []),
    ]);
