import { parseNetworkPolicy } from '@fenceline/netpol';
import { canonicalPolicy, policyDifferences } from './canonical-policy';

const parse = (spec: unknown, namespace = 'shop') => {
  const parsed = parseNetworkPolicy({ spec }, { kind: 'NetworkPolicy', namespace, name: 'p' });
  if (!parsed.value) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return canonicalPolicy(parsed.value);
};
const web = { matchLabels: { app: 'web' } };

describe('canonicalPolicy: equal meaning, equal form', () => {
  it.each<[string, unknown, unknown]>([
    [
      'policyTypes omitted vs Ingress',
      { podSelector: {} },
      { podSelector: {}, policyTypes: ['Ingress'] },
    ],
    [
      'policyTypes omitted with egress rules vs both',
      { podSelector: {}, egress: [{}] },
      { podSelector: {}, policyTypes: ['Egress', 'Ingress'], egress: [{}] },
    ],
    [
      'rules of a direction not in policyTypes',
      { podSelector: {}, policyTypes: ['Ingress'] },
      { podSelector: {}, policyTypes: ['Ingress'], egress: [{ to: [{ podSelector: web }] }] },
    ],
    [
      'explicit TCP',
      { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] },
      { podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }] },
    ],
    [
      'endPort equal to port',
      { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] },
      { podSelector: {}, ingress: [{ ports: [{ port: 80, endPort: 80 }] }] },
    ],
    [
      'a range vs its ports',
      { podSelector: {}, ingress: [{ ports: [{ port: 80, endPort: 81 }] }] },
      { podSelector: {}, ingress: [{ ports: [{ port: 81 }, { port: 80 }] }] },
    ],
    [
      'all three protocols vs no ports',
      { podSelector: {}, ingress: [{ ports: [] }] },
      {
        podSelector: {},
        ingress: [{ ports: [{ protocol: 'UDP' }, { protocol: 'TCP' }, { protocol: 'SCTP' }] }],
      },
    ],
    [
      'rule, peer and port order',
      {
        podSelector: {},
        ingress: [
          {
            from: [{ podSelector: web }, { ipBlock: { cidr: '10.0.0.0/8' } }],
            ports: [{ port: 1 }, { port: 2 }],
          },
          { ports: [{ port: 3 }] },
        ],
      },
      {
        podSelector: {},
        ingress: [
          { ports: [{ port: 3 }] },
          {
            ports: [{ port: 2 }, { port: 1 }],
            from: [{ ipBlock: { cidr: '10.0.0.0/8' } }, { podSelector: web }],
          },
        ],
      },
    ],
    [
      'a duplicate rule',
      { podSelector: {}, ingress: [{ ports: [{ port: 3 }] }] },
      { podSelector: {}, ingress: [{ ports: [{ port: 3 }] }, { ports: [{ port: 3 }] }] },
    ],
    [
      'matchLabels vs In',
      { podSelector: web },
      { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } },
    ],
    [
      'requirement and value order',
      {
        podSelector: {
          matchExpressions: [
            { key: 'a', operator: 'In', values: ['x', 'y'] },
            { key: 'b', operator: 'Exists' },
          ],
        },
      },
      {
        podSelector: {
          matchExpressions: [
            { key: 'b', operator: 'Exists' },
            { key: 'a', operator: 'In', values: ['y', 'x', 'y'] },
          ],
        },
      },
    ],
    [
      'own namespace vs its name label',
      { podSelector: {}, ingress: [{ from: [{ podSelector: web }] }] },
      {
        podSelector: {},
        ingress: [
          {
            from: [
              {
                podSelector: web,
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
              },
            ],
          },
        ],
      },
    ],
    [
      'no podSelector vs podSelector {}',
      { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] },
      { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {}, podSelector: {} }] }] },
    ],
    [
      'two ipBlocks vs their union',
      {
        podSelector: {},
        ingress: [
          { from: [{ ipBlock: { cidr: '10.0.0.0/9' } }, { ipBlock: { cidr: '10.128.0.0/9' } }] },
        ],
      },
      { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] },
    ],
    [
      'a named port beside every port of its protocol',
      { podSelector: {}, ingress: [{ ports: [{ protocol: 'TCP' }] }] },
      { podSelector: {}, ingress: [{ ports: [{ protocol: 'TCP' }, { port: 'http' }] }] },
    ],
  ])('%s', (_, a, b) => {
    expect(parse(a)).toEqual(parse(b));
    expect(policyDifferences(parse(a), parse(b))).toBeUndefined();
  });
});

describe('canonicalPolicy: different meaning, different form', () => {
  it.each<[string, unknown, unknown]>([
    [
      'Ingress vs Ingress+Egress',
      { podSelector: {} },
      { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    ],
    ['no rules vs an allow-all rule', { podSelector: {} }, { podSelector: {}, ingress: [{}] }],
    [
      'an empty from vs a namespaceSelector {}',
      { podSelector: {}, ingress: [{}] },
      { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] },
    ],
    [
      'own namespace vs every namespace',
      { podSelector: {}, ingress: [{ from: [{ podSelector: web }] }] },
      { podSelector: {}, ingress: [{ from: [{ podSelector: web, namespaceSelector: {} }] }] },
    ],
    [
      'AND in one peer vs OR of two peers',
      { podSelector: {}, ingress: [{ from: [{ podSelector: web, namespaceSelector: {} }] }] },
      { podSelector: {}, ingress: [{ from: [{ podSelector: web }, { namespaceSelector: {} }] }] },
    ],
    [
      'one rule with both ports vs a rule per peer',
      {
        podSelector: {},
        ingress: [
          { from: [{ podSelector: web }], ports: [{ port: 1 }] },
          { from: [{ namespaceSelector: {} }], ports: [{ port: 2 }] },
        ],
      },
      {
        podSelector: {},
        ingress: [
          {
            from: [{ podSelector: web }, { namespaceSelector: {} }],
            ports: [{ port: 1 }, { port: 2 }],
          },
        ],
      },
    ],
    [
      'NotIn vs DoesNotExist',
      { podSelector: { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }] } },
      { podSelector: { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] } },
    ],
    [
      'TCP vs UDP',
      { podSelector: {}, ingress: [{ ports: [{ port: 53 }] }] },
      { podSelector: {}, ingress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] },
    ],
    [
      'an except',
      { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] },
      {
        podSelector: {},
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }],
      },
    ],
    [
      'a named port vs its number',
      { podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] },
      { podSelector: {}, ingress: [{ ports: [{ port: 8080 }] }] },
    ],
  ])('%s', (_, a, b) => {
    expect(parse(a)).not.toEqual(parse(b));
    expect(policyDifferences(parse(a), parse(b))).toBeDefined();
  });

  it('reads the same template differently in two namespaces', () => {
    const spec = { podSelector: {}, ingress: [{ from: [{ podSelector: web }] }] };
    expect(parse(spec, 'shop')).not.toEqual(parse(spec, 'pay'));
  });

  it('says which parts differ and which rules are missing or unexpected', () => {
    const expected = parse({ podSelector: web, ingress: [{ ports: [{ port: 80 }] }] });
    const actual = parse({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ ports: [{ port: 81 }] }],
    });
    expect(policyDifferences(expected, actual)).toEqual({
      changed: ['podSelector', 'policyTypes', 'ingress'],
      podSelector: { expected: 'app=web', actual: '{}' },
      policyTypes: { expected: ['Ingress'], actual: ['Ingress', 'Egress'] },
      ingress: { missing: ['from any peer on TCP 80'], unexpected: ['from any peer on TCP 81'] },
    });
  });
});
