import fc from 'fast-check';
import { buildInventory } from '../inventory/build-inventory';
import type { ClusterPolicyKind } from './cluster-policy';
import { parseClusterPolicy } from './parse-cluster-policy';

const cnp = (spec: unknown, name = 'deny-all') => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha2',
  kind: 'ClusterNetworkPolicy',
  metadata: { name },
  spec,
});
const base = {
  tier: 'Admin',
  priority: 10,
  subject: { namespaces: {} },
  egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }],
};

function issuesOf(
  object: Record<string, unknown>,
  kind: ClusterPolicyKind = 'ClusterNetworkPolicy',
) {
  const name = (object['metadata'] as { name: string }).name;
  return parseClusterPolicy(object, { kind, name }, kind).issues.map((i) => `${i.code} ${i.path}`);
}

describe('parseClusterPolicy', () => {
  it('maps a v1alpha2 policy onto the internal form', () => {
    const parsed = parseClusterPolicy(
      cnp({
        ...base,
        ingress: [
          {
            name: 'from-monitoring',
            action: 'Accept',
            from: [
              { pods: { namespaceSelector: { matchLabels: { team: 'obs' } }, podSelector: {} } },
            ],
            protocols: [
              { tcp: { destinationPort: { number: 80 } } },
              { udp: { destinationPort: { range: { start: 5000, end: 5010 } } } },
              { destinationNamedPort: 'metrics' },
            ],
          },
        ],
      }),
      { kind: 'ClusterNetworkPolicy', name: 'deny-all' },
      'ClusterNetworkPolicy',
    );
    expect(parsed.issues).toEqual([]);
    const policy = parsed.value!;
    expect(policy).toMatchObject({ tier: 'Admin', priority: 10, name: 'deny-all' });
    expect(policy.ingress[0]?.action).toBe('Accept');
    expect(policy.ingress[0]?.name).toBe('from-monitoring');
    // A named port names a container port whatever its protocol: kept once per protocol.
    expect(policy.ingress[0]?.ports.map((p) => `${p.protocol}/${p.port}/${p.endPort}`)).toEqual([
      'TCP/80/undefined',
      'UDP/5000/5010',
      'SCTP/metrics/undefined',
      'TCP/metrics/undefined',
      'UDP/metrics/undefined',
    ]);
    expect(policy.egress[0]?.peers[0]).toMatchObject({
      kind: 'networks',
      coversUnknownAddress: true,
    });
    expect(policy.vocabulary.cidrs).toHaveLength(1);
  });

  it('maps v1alpha1 Allow to Accept, ports forms, and a baseline singleton to the Baseline tier', () => {
    const anp = parseClusterPolicy(
      {
        spec: {
          priority: 3,
          subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'x' } } } },
          egress: [
            {
              action: 'Allow',
              to: [{ namespaces: {} }],
              ports: [
                { portNumber: { port: 53, protocol: 'UDP' } },
                { portRange: { start: 8000, end: 8080 } },
                { namedPort: 'dns' },
              ],
            },
          ],
        },
      },
      { kind: 'AdminNetworkPolicy', name: 'a' },
      'AdminNetworkPolicy',
    );
    expect(anp.issues).toEqual([]);
    expect(anp.value).toMatchObject({ tier: 'Admin', priority: 3 });
    expect(anp.value?.egress[0]?.action).toBe('Accept');
    expect(anp.value?.egress[0]?.ports.slice(0, 2)).toEqual([
      { protocol: 'UDP', port: 53, endPort: undefined },
      { protocol: 'TCP', port: 8000, endPort: 8080 },
    ]);
    const banp = parseClusterPolicy(
      {
        spec: {
          subject: { namespaces: {} },
          ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
        },
      },
      { kind: 'BaselineAdminNetworkPolicy', name: 'default' },
      'BaselineAdminNetworkPolicy',
    );
    expect(banp.issues).toEqual([]);
    expect(banp.value).toMatchObject({ tier: 'Baseline', priority: undefined });
  });

  it.each([
    ['tier missing', { ...base, tier: undefined }, ['MISSING_FIELD spec.tier']],
    ['unknown tier', { ...base, tier: 'Cluster' }, ['INVALID_TIER spec.tier']],
    ['priority out of range', { ...base, priority: 1001 }, ['INVALID_PRIORITY spec.priority']],
    ['priority not an integer', { ...base, priority: 1.5 }, ['INVALID_PRIORITY spec.priority']],
    ['priority missing', { ...base, priority: undefined }, ['MISSING_FIELD spec.priority']],
    [
      'subject with both forms',
      { ...base, subject: { namespaces: {}, pods: { podSelector: {} } } },
      ['INVALID_SUBJECT spec.subject'],
    ],
    [
      'pods subject without podSelector',
      { ...base, subject: { pods: { namespaceSelector: {} } } },
      ['MISSING_FIELD spec.subject.pods.podSelector'],
    ],
    [
      'unknown action',
      { ...base, egress: [{ action: 'Allow', to: [{ namespaces: {} }] }] },
      ['INVALID_ACTION spec.egress[0].action'],
    ],
    [
      'a rule with no peers',
      { ...base, egress: [{ action: 'Deny', to: [] }] },
      ['RULE_WITHOUT_PEERS spec.egress[0].to'],
    ],
    [
      'a peer with two forms',
      { ...base, egress: [{ action: 'Deny', to: [{ namespaces: {}, networks: ['10.0.0.0/8'] }] }] },
      ['INVALID_PEER spec.egress[0].to[0]'],
    ],
    [
      'networks in ingress',
      { ...base, ingress: [{ action: 'Deny', from: [{ networks: ['10.0.0.0/8'] }] }] },
      ['INVALID_PEER spec.ingress[0].from[0]'],
    ],
    [
      'bad CIDR',
      { ...base, egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/33'] }] }] },
      ['INVALID_CIDR spec.egress[0].to[0].networks[0]'],
    ],
    [
      'reversed port range',
      {
        ...base,
        egress: [
          {
            action: 'Deny',
            to: [{ namespaces: {} }],
            protocols: [{ tcp: { destinationPort: { range: { start: 90, end: 80 } } } }],
          },
        ],
      },
      ['INVALID_PORT_RANGE spec.egress[0].protocols[0].tcp.destinationPort.range'],
    ],
    [
      'tcp without destinationPort',
      { ...base, egress: [{ action: 'Deny', to: [{ namespaces: {} }], protocols: [{ tcp: {} }] }] },
      ['MISSING_FIELD spec.egress[0].protocols[0].tcp.destinationPort'],
    ],
    [
      'port out of range',
      {
        ...base,
        egress: [
          {
            action: 'Deny',
            to: [{ namespaces: {} }],
            protocols: [{ udp: { destinationPort: { number: 70000 } } }],
          },
        ],
      },
      ['PORT_OUT_OF_RANGE spec.egress[0].protocols[0].udp.destinationPort.number'],
    ],
    [
      'named port with a networks peer',
      {
        ...base,
        egress: [
          {
            action: 'Accept',
            to: [{ networks: ['10.0.0.0/8'] }],
            protocols: [{ destinationNamedPort: 'http' }],
          },
        ],
      },
      ['NAMED_PORT_WITHOUT_PODS spec.egress[0].protocols'],
    ],
    [
      'domainNames in a Deny rule',
      { ...base, egress: [{ action: 'Deny', to: [{ domainNames: ['example.com'] }] }] },
      ['INVALID_ACTION spec.egress[0].action'],
    ],
    [
      'bad domain name',
      { ...base, egress: [{ action: 'Accept', to: [{ domainNames: ['exa*mple.com'] }] }] },
      ['INVALID_DOMAIN_NAME spec.egress[0].to[0].domainNames[0]'],
    ],
    [
      '26 rules',
      {
        ...base,
        egress: Array.from({ length: 26 }, () => ({ action: 'Deny', to: [{ namespaces: {} }] })),
      },
      ['TOO_MANY_ITEMS spec.egress'],
    ],
  ])('rejects %s with the field path and a code', (_what, spec, expected) => {
    expect(issuesOf(cnp(spec))).toEqual(expected);
  });

  it('rejects a BaselineAdminNetworkPolicy not named default and Pass in it', () => {
    expect(
      issuesOf(
        {
          metadata: { name: 'other' },
          spec: {
            subject: { namespaces: {} },
            ingress: [{ action: 'Pass', from: [{ namespaces: {} }] }],
          },
        },
        'BaselineAdminNetworkPolicy',
      ),
    ).toEqual(['INVALID_NAME metadata.name', 'INVALID_ACTION spec.ingress[0].action']);
  });

  it('is cluster-scoped in the inventory: no namespace, counted once per name', () => {
    const inventory = buildInventory([
      { object: cnp(base) },
      { object: { ...cnp(base), metadata: { name: 'deny-all', namespace: 'ignored' } } },
    ]);
    expect(inventory.clusterPolicies).toHaveLength(1);
    expect(inventory.clusterPolicies[0]?.ref.namespace).toBeUndefined();
    expect(inventory.issues.map((i) => `${i.code} ${i.object.kind} ${i.object.name}`)).toEqual([
      'DUPLICATE_NAME ClusterNetworkPolicy deny-all',
    ]);
    expect(inventory.ignoredKinds).toEqual({});
  });

  it('never throws on random specs, and every issue names the object', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom<ClusterPolicyKind>(
          'ClusterNetworkPolicy',
          'AdminNetworkPolicy',
          'BaselineAdminNetworkPolicy',
        ),
        (spec, kind) => {
          const result = parseClusterPolicy({ spec }, { kind, name: 'default' }, kind);
          for (const issue of result.issues)
            expect(issue.object).toEqual({ kind, name: 'default' });
          expect(result.value === undefined).toBe(result.issues.length > 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
