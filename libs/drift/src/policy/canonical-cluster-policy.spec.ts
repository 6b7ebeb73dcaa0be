import { parseClusterPolicy, type ClusterPolicyKind } from '@fenceline/netpol';
import { anp, banp, cnp, ns, tcp, type Raw } from '../../test/cluster-fixture';
import {
  canonicalClusterPolicy,
  clusterPolicyDifferences,
  type CanonicalClusterPolicy,
} from './canonical-cluster-policy';

function canonical(raw: Raw): CanonicalClusterPolicy {
  const kind = raw['kind'] as ClusterPolicyKind;
  const name = (raw['metadata'] as { name: string }).name;
  const parsed = parseClusterPolicy(raw, { kind, name }, kind);
  if (!parsed.value) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return canonicalClusterPolicy(parsed.value);
}
const admin = (ingress: Raw[], egress: Raw[] = [], extra: Raw = {}): Raw =>
  cnp('p', { tier: 'Admin', priority: 10, subject: { namespaces: {} }, ingress, egress, ...extra });
const same = (a: Raw, b: Raw): void =>
  expect(clusterPolicyDifferences(canonical(a), canonical(b))).toBeUndefined();
const changed = (a: Raw, b: Raw): Record<string, unknown> => {
  const d = clusterPolicyDifferences(canonical(a), canonical(b));
  expect(d).toBeDefined();
  return d!;
};

const DENY_A = { action: 'Deny', from: [ns('a')] };
const ACCEPT_ALL = { action: 'Accept', from: [{ namespaces: {} }] };

describe('canonicalClusterPolicy', () => {
  it('writes tier, priority, subject and ordered rules in the internal vocabulary (Allow is Accept)', () => {
    const p = anp('x', {
      priority: 7,
      subject: { pods: { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: {} } },
      ingress: [
        { action: 'Deny', from: [{ namespaces: { matchLabels: { env: 'dev' } } }] },
        {
          action: 'Allow',
          from: [{ namespaces: {} }],
          ports: [{ portRange: { protocol: 'TCP', start: 80, end: 81 } }, { namedPort: 'http' }],
        },
      ],
    });
    expect(canonical(p)).toEqual({
      kind: 'AdminNetworkPolicy',
      tier: 'Admin',
      priority: 7,
      subject: 'pods {} in namespaces team=a',
      // Deny dev and Accept all on TCP 80-81/http may both match a dev pod on port 80: ordered.
      ingress: [
        ['Deny from pods {} in namespaces env=dev on any port'],
        ['Accept from pods {} in namespaces {} on TCP 80-81 + named http'],
      ],
      egress: [],
    });
    expect(canonical(banp({ subject: { namespaces: {} } })).priority).toBeNull();
  });

  it('ignores rewrites that keep the meaning', () => {
    // namespaces X ≡ pods { namespaceSelector X, podSelector {} }; matchLabels ≡ In; peer order.
    same(
      admin([{ action: 'Deny', from: [ns('a'), { namespaces: { matchLabels: { env: 'x' } } }] }]),
      admin([
        {
          name: 'renamed',
          action: 'Deny',
          from: [
            { namespaces: { matchExpressions: [{ key: 'env', operator: 'In', values: ['x'] }] } },
            {
              pods: {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'a' } },
                podSelector: {},
              },
            },
          ],
        },
      ]),
    );
    // A range equals its ports; networks of one rule are their union; a repeated rule is dead.
    const egress = (protocols: Raw[], networks: string[][]): Raw[] => [
      { action: 'Deny', to: networks.map((n) => ({ networks: n })), protocols },
    ];
    same(
      admin(
        [],
        egress([{ tcp: { destinationPort: { range: { start: 80, end: 81 } } } }], [['10.0.0.0/8']]),
      ),
      admin(
        [],
        [
          ...egress([tcp(81), tcp(80)], [['10.0.0.0/9'], ['10.128.0.0/9']]),
          ...egress([tcp(80), tcp(81)], [['10.0.0.0/8']]),
        ],
      ),
    );
    // Rules with one action may swap; so may rules that can never match the same connection.
    same(
      admin([DENY_A, { action: 'Deny', from: [ns('b')] }]),
      admin([{ action: 'Deny', from: [ns('b')] }, DENY_A]),
    );
    same(
      admin([
        { ...DENY_A, protocols: [tcp(22)] },
        { ...ACCEPT_ALL, protocols: [tcp(80)] },
      ]),
      admin([
        { ...ACCEPT_ALL, protocols: [tcp(80)] },
        { ...DENY_A, protocols: [tcp(22)] },
      ]),
    );
    same(
      admin(
        [],
        [
          { action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] },
          { action: 'Accept', to: [{ networks: ['192.168.0.0/16'] }] },
        ],
      ),
      admin(
        [],
        [
          { action: 'Accept', to: [{ networks: ['192.168.0.0/16'] }] },
          { action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] },
        ],
      ),
    );
    // In the Baseline tier, Pass and Accept both end in the default allow.
    same(
      cnp('b', {
        tier: 'Baseline',
        priority: 1,
        subject: { namespaces: {} },
        ingress: [{ ...ACCEPT_ALL, action: 'Pass' }],
      }),
      cnp('b', {
        tier: 'Baseline',
        priority: 1,
        subject: { namespaces: {} },
        ingress: [ACCEPT_ALL],
      }),
    );
  });

  it('reports a reorder of rules with different actions that may match the same connection', () => {
    // Deny from a, then Accept from all: a is denied. Swapped: a is accepted.
    const d = changed(admin([DENY_A, ACCEPT_ALL]), admin([ACCEPT_ALL, DENY_A]));
    expect(d).toEqual({
      changed: ['ingress'],
      ingress: {
        expected: [
          '1. Deny from pods {} in namespaces kubernetes.io/metadata.name=a on any port',
          '2. Accept from pods {} in namespaces {} on any port',
        ],
        actual: [
          '1. Accept from pods {} in namespaces {} on any port',
          '2. Deny from pods {} in namespaces kubernetes.io/metadata.name=a on any port',
        ],
        missing: [],
        unexpected: [],
        reordered: true,
      },
    });
    // A named port may be any number: it may meet TCP 80.
    changed(
      admin([
        { ...DENY_A, protocols: [{ destinationNamedPort: 'http' }] },
        { ...ACCEPT_ALL, protocols: [tcp(80)] },
      ]),
      admin([
        { ...ACCEPT_ALL, protocols: [tcp(80)] },
        { ...DENY_A, protocols: [{ destinationNamedPort: 'http' }] },
      ]),
    );
    // Overlapping networks keep their order; Pass is not Accept in the Admin tier.
    changed(
      admin(
        [],
        [
          { action: 'Deny', to: [{ networks: ['10.1.0.0/16'] }] },
          { action: 'Accept', to: [{ networks: ['10.0.0.0/8'] }] },
        ],
      ),
      admin(
        [],
        [
          { action: 'Accept', to: [{ networks: ['10.0.0.0/8'] }] },
          { action: 'Deny', to: [{ networks: ['10.1.0.0/16'] }] },
        ],
      ),
    );
    expect(changed(admin([ACCEPT_ALL]), admin([{ ...ACCEPT_ALL, action: 'Pass' }]))).toEqual({
      changed: ['ingress'],
      ingress: {
        expected: ['1. Accept from pods {} in namespaces {} on any port'],
        actual: ['1. Pass from pods {} in namespaces {} on any port'],
        missing: ['Accept from pods {} in namespaces {} on any port'],
        unexpected: ['Pass from pods {} in namespaces {} on any port'],
        reordered: false,
      },
    });
  });

  it('reports priority, tier and subject', () => {
    const base = admin([ACCEPT_ALL]);
    expect(changed(base, admin([ACCEPT_ALL], [], { priority: 11 }))).toEqual({
      changed: ['priority'],
      priority: { expected: 10, actual: 11 },
    });
    expect(changed(base, admin([ACCEPT_ALL], [], { tier: 'Baseline' }))['changed']).toEqual([
      'tier',
    ]);
    expect(changed(base, admin([ACCEPT_ALL], [], { subject: ns('a') }))).toEqual({
      changed: ['subject'],
      subject: {
        expected: 'pods {} in namespaces {}',
        actual: 'pods {} in namespaces kubernetes.io/metadata.name=a',
      },
    });
  });
});
