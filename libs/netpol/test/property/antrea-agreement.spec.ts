import fc from 'fast-check';
import { selectorArbitrary, tupleOf } from '@fenceline/netpol-arbitraries';
import { buildInventory } from '../../src/index';
import { expectAgreement, expectConnlistAgreement, RUNS, trafficPickArbitrary } from './agreement';
import { clusterArbitrary } from './cluster-arbitrary';

/**
 * Random Antrea objects over cluster-arbitrary's vocabulary (namespaces ns-a..c, keys
 * app/tier/env, values web/db/x, ports http/dns/metrics, 10.x CIDRs, nodes with host-network
 * pods): custom tiers, ACNPs and ANNPs in every tier with every action, tied priorities,
 * appliedTo at policy and rule level, every peer form (Self, sameLabels, ipBlock with except,
 * groups, service accounts, node selectors, FQDN, toServices), ports with ranges, named ports,
 * source ports and ICMP, logging; ClusterGroups with children (too deep, missing) and Groups.
 */
const A = 'crd.antrea.io/v1beta1';
const NAMESPACES = ['ns-a', 'ns-b', 'ns-c'];
const selector = selectorArbitrary(
  { keys: ['app', 'tier', 'env'], values: ['web', 'db', 'x'], namespaces: NAMESPACES },
  { maxLabels: 2, maxExpressions: 1 },
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const compact = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const ipBlock = fc.constantFrom(
  { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
  { cidr: '10.1.2.0/24' },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
  { cidr: '172.16.0.1/32' },
);
const GROUPS = ['cg-0', 'cg-1', 'cg-2'];

const clusterGroup = (i: number) =>
  fc
    .oneof(
      fc.record({ podSelector: selector, namespaceSelector: optional(selector) }).map(compact),
      fc.record({ namespaceSelector: selector }),
      fc.record({ ipBlocks: fc.array(ipBlock, { minLength: 1, maxLength: 2 }) }),
      fc.record({ nodeSelector: selector }),
      fc.constant({ serviceReference: { name: 'svc', namespace: 'ns-a' } }),
      fc.record({
        childGroups: fc.subarray([...GROUPS.filter((g) => g !== `cg-${i}`), 'missing'], {
          minLength: 1,
        }),
      }),
    )
    .map((spec) => ({ apiVersion: A, kind: 'ClusterGroup', metadata: { name: `cg-${i}` }, spec }));

const groups = fc.tuple(
  fc.tuple(clusterGroup(0), clusterGroup(1), clusterGroup(2)),
  fc
    .oneof(
      fc.record({ podSelector: selector }),
      fc.record({ ipBlocks: fc.array(ipBlock, { minLength: 1, maxLength: 1 }) }),
    )
    .map((spec) => ({
      apiVersion: A,
      kind: 'Group',
      metadata: { name: 'grp', namespace: 'ns-a' },
      spec,
    })),
);

const peer = (cluster: boolean, egress: boolean) =>
  fc.oneof(
    fc.record({ podSelector: selector }),
    fc.record({ namespaceSelector: selector, podSelector: optional(selector) }).map(compact),
    fc.record({ ipBlock }),
    fc.record({ group: fc.constantFrom(...(cluster ? GROUPS : ['grp', 'missing'])) }),
    fc.record({ nodeSelector: selector }),
    ...(cluster
      ? [
          fc
            .record({ namespaces: fc.constant({ match: 'Self' }), podSelector: optional(selector) })
            .map(compact),
          fc.record({
            namespaces: fc.constantFrom({ sameLabels: ['app'] }, { sameLabels: ['app', 'env'] }),
          }),
          fc.record({
            serviceAccount: fc.record({
              name: fc.constantFrom('default', 'other'),
              namespace: fc.constantFrom(...NAMESPACES),
            }),
          }),
        ]
      : []),
    ...(egress ? [fc.record({ fqdn: fc.constantFrom('*.example.com', 'db.internal') })] : []),
  );

const ports = fc.constantFrom(
  [{ protocol: 'TCP', port: 80 }],
  [{ port: 'http' }, { protocol: 'UDP', port: 'dns' }],
  [{ protocol: 'TCP', port: 53, endPort: 443 }],
  [{ protocol: 'TCP', port: 80, sourcePort: 1000 }],
  [{ protocol: 'SCTP' }],
);

const appliedTo = (cluster: boolean) =>
  fc.array(
    cluster
      ? fc.oneof(
          fc.constant({ namespaceSelector: {} }),
          fc.record({ podSelector: selector }),
          fc.record({ namespaceSelector: selector, podSelector: optional(selector) }).map(compact),
          fc.record({ group: fc.constantFrom(...GROUPS) }),
          fc.record({
            serviceAccount: fc.record({
              name: fc.constant('default'),
              namespace: fc.constantFrom(...NAMESPACES),
            }),
          }),
        )
      : fc.oneof(
          fc.constant({ podSelector: {} }),
          fc.record({ podSelector: selector }),
          fc.constant({ group: 'grp' }),
        ),
    { minLength: 1, maxLength: 2 },
  );

const rule = (cluster: boolean, egress: boolean, baseline: boolean, perRule: boolean) =>
  fc
    .record({
      action: fc.constantFrom('Allow', 'Allow', 'Drop', 'Reject', 'Pass'),
      peers: fc.array(peer(cluster, egress), { maxLength: 2 }),
      ports: optional(ports),
      icmp: fc.boolean(),
      toServices: fc.boolean(),
      enableLogging: fc.boolean(),
      appliedTo: appliedTo(cluster),
    })
    .map((r) => {
      const toServices = egress && r.toServices && r.peers.length === 0 && !r.ports;
      return compact({
        action: baseline && r.action === 'Pass' ? 'Drop' : r.action,
        [egress ? 'to' : 'from']: r.peers.length > 0 ? r.peers : undefined,
        ports: toServices ? undefined : r.ports,
        protocols: r.icmp && !toServices ? [{ icmp: { icmpType: 8 } }] : undefined,
        toServices: toServices ? [{ name: 'svc', namespace: 'ns-a' }] : undefined,
        enableLogging: r.enableLogging || undefined,
        appliedTo: perRule ? r.appliedTo : undefined,
      });
    });

const withoutAppliedTo = (r: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'appliedTo'));

const policy = (index: number) =>
  fc
    .record({
      cluster: fc.boolean(),
      tier: optional(
        fc.constantFrom('emergency', 'securityops', 'application', 'baseline', 't10', 't240'),
      ),
      priority: fc.constantFrom(1, 2.5, 5, 5),
      perRule: fc.boolean(),
      namespace: fc.constantFrom(...NAMESPACES),
    })
    .chain(({ cluster, tier, priority, perRule, namespace }) => {
      const baseline = tier === 'baseline';
      return fc
        .record({
          appliedTo: appliedTo(cluster),
          ingress: fc.array(rule(cluster, false, baseline, perRule), { maxLength: 3 }),
          egress: fc.array(rule(cluster, true, baseline, perRule), { maxLength: 3 }),
        })
        .map(({ appliedTo: at, ingress, egress }) => {
          const anyRule = ingress.length + egress.length > 0;
          const spec = compact({
            priority,
            tier,
            appliedTo: perRule && anyRule ? undefined : at,
            ingress: perRule || !anyRule ? ingress : ingress.map(withoutAppliedTo),
            egress: perRule || !anyRule ? egress : egress.map(withoutAppliedTo),
          });
          return cluster
            ? {
                apiVersion: A,
                kind: 'ClusterNetworkPolicy',
                metadata: { name: `acnp-${index}` },
                spec,
              }
            : {
                apiVersion: A,
                kind: 'NetworkPolicy',
                metadata: { name: `annp-${index}`, namespace },
                spec,
              };
        });
    });

const TIERS = [
  { apiVersion: A, kind: 'Tier', metadata: { name: 't10' }, spec: { priority: 10 } },
  { apiVersion: A, kind: 'Tier', metadata: { name: 't240' }, spec: { priority: 240 } },
];

const antreaArbitrary = fc
  .tuple(
    groups,
    fc.integer({ min: 1, max: 4 }).chain((n) => tupleOf(n, policy)),
  )
  .map(([[cgs, grp], policies]) => [...TIERS, ...cgs, grp, ...policies] as unknown[]);

describe('Antrea: model = reference over random mixes of Antrea, NetworkPolicy and ClusterNetworkPolicy', () => {
  it('isAllowed, allowedConnections and the model agree on every pair', () => {
    fc.assert(
      fc.property(
        clusterArbitrary,
        antreaArbitrary,
        trafficPickArbitrary,
        (objects, antrea, pick) => {
          const inventory = buildInventory([...objects, ...antrea].map((object) => ({ object })));
          expect(inventory.issues).toEqual([]);
          expect(inventory.antrea).toBeDefined();
          expectAgreement(inventory, pick);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the model connlist equals the reference connlist', () => {
    fc.assert(
      fc.property(clusterArbitrary, antreaArbitrary, (objects, antrea) => {
        const inventory = buildInventory([...objects, ...antrea].map((object) => ({ object })));
        expectConnlistAgreement(inventory);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
