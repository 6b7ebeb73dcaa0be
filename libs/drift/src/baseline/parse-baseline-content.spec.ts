import { DEFAULT_SCOPE, formatBaselineIssue } from './baseline-content';
import { parseBaselineContent } from './parse-baseline-content';

const np = (name: string, namespace: string | undefined, spec: unknown) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
  spec,
});

function issuesOf(value: unknown): string[] {
  const result = parseBaselineContent(value);
  if (result.ok) throw new Error('expected issues');
  return result.issues.map(formatBaselineIssue);
}

describe('parseBaselineContent', () => {
  it('fills defaults: every namespace but kube-system, no policies, no guardrails', () => {
    expect(parseBaselineContent({})).toEqual({
      ok: true,
      content: { scope: DEFAULT_SCOPE, policies: [], guardrails: [] },
    });
  });

  it('accepts a complete baseline and returns a clean copy', () => {
    const content = {
      scope: { namespaceSelector: { matchLabels: { env: 'prod' } } },
      sensitive: { namespaceSelector: { matchLabels: { pci: 'true' } }, podSelector: {} },
      policies: [
        np('default-deny', undefined, { podSelector: {} }),
        np('db', 'pay', { podSelector: { matchLabels: { app: 'db' } } }),
      ],
      guardrails: [
        { type: 'require-default-deny', direction: 'both' },
        {
          type: 'require-dns-egress',
          name: 'dns',
          dns: { podSelector: { matchLabels: { 'k8s-app': 'coredns' } } },
        },
        {
          type: 'deny',
          name: 'no-egress-internet',
          from: {},
          to: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
          ports: [{ protocol: 'UDP' }, { port: 80, endPort: 90 }],
        },
        {
          type: 'allow',
          name: 'scrape',
          from: { podSelector: { matchLabels: { app: 'prom' } } },
          to: {},
          ports: [],
        },
      ],
    };
    expect(parseBaselineContent(content)).toEqual({ ok: true, content });
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', [], ['expected an object, got a list']],
    [
      'an unknown top-level field',
      { polices: [] },
      ['polices: unknown field (expected scope, sensitive, policies, guardrails)'],
    ],
    ['scope without selector', { scope: {} }, ['scope.namespaceSelector: is required']],
    [
      'a bad scope operator',
      {
        scope: {
          namespaceSelector: { matchExpressions: [{ key: 'a', operator: 'Is', values: ['x'] }] },
        },
      },
      [
        'scope.namespaceSelector.matchExpressions[0].operator: not a valid selector operator: "Is" (In, NotIn, Exists, DoesNotExist)',
      ],
    ],
    [
      'a misspelt selector field',
      { sensitive: { namespaceSelector: { matchLabel: { a: 'b' } } } },
      [
        'sensitive.namespaceSelector.matchLabel: unknown field (expected matchLabels, matchExpressions)',
      ],
    ],
    [
      'a bad CIDR',
      { guardrails: [{ type: 'deny', name: 'x', from: {}, to: { cidr: '10.0.0.0/33' } }] },
      ['guardrails[0].to.cidr: "10.0.0.0/33" is not a CIDR'],
    ],
    [
      'host bits in a CIDR',
      { guardrails: [{ type: 'deny', name: 'x', from: {}, to: { cidr: '10.1.0.0/8' } }] },
      ['guardrails[0].to.cidr: "10.1.0.0/8" has host bits set (did you mean "10.0.0.0/8"?)'],
    ],
    [
      'cidr with selectors',
      {
        guardrails: [
          { type: 'deny', name: 'x', from: { cidr: '10.0.0.0/8', podSelector: {} }, to: {} },
        ],
      },
      ['guardrails[0].from: cidr and selectors are mutually exclusive: use one or the other'],
    ],
    [
      'except outside its cidr',
      {
        guardrails: [
          {
            type: 'allow',
            name: 'x',
            from: {},
            to: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] },
          },
        ],
      },
      ['guardrails[0].to.except[0]: "10.1.0.0/24" is not a strict subnet of cidr "10.0.0.0/16"'],
    ],
    [
      'except without cidr',
      { guardrails: [{ type: 'allow', name: 'x', from: {}, to: { except: ['10.1.0.0/24'] } }] },
      ['guardrails[0].to.except: may only be given with a cidr'],
    ],
    [
      'two CIDR ends',
      {
        guardrails: [
          { type: 'deny', name: 'x', from: { cidr: '10.0.0.0/8' }, to: { cidr: '0.0.0.0/0' } },
        ],
      },
      [
        'guardrails[0]: from and to are both CIDRs: at least one end must select pods (traffic between external addresses is not governed by NetworkPolicies)',
      ],
    ],
    [
      'deny without name, from, to',
      { guardrails: [{ type: 'deny' }] },
      [
        'guardrails[0].name: is required',
        'guardrails[0].from: is required',
        'guardrails[0].to: is required',
      ],
    ],
    [
      'an unknown type',
      { guardrails: [{ type: 'forbid' }] },
      [
        'guardrails[0].type: string "forbid" is not a guardrail type (require-default-deny, require-dns-egress, deny, allow)',
      ],
    ],
    [
      'a bad direction',
      { guardrails: [{ type: 'require-default-deny', direction: 'in' }] },
      ['guardrails[0].direction: string "in" is not a direction (ingress, egress, both)'],
    ],
    [
      'a field of another type',
      { guardrails: [{ type: 'require-default-deny', direction: 'both', from: {} }] },
      ['guardrails[0].from: unknown field (expected type, name, direction)'],
    ],
    [
      'empty dns',
      { guardrails: [{ type: 'require-dns-egress', dns: {} }] },
      [
        'guardrails[0].dns: needs a namespaceSelector and/or a podSelector (leave dns out for kube-dns in kube-system)',
      ],
    ],
    [
      'duplicate guardrail names (unnamed ones take their type)',
      {
        guardrails: [
          { type: 'require-default-deny', direction: 'ingress' },
          { type: 'require-default-deny', direction: 'egress' },
        ],
      },
      [
        'guardrails[1].name: duplicate guardrail name "require-default-deny" (first at guardrails[0]); give each guardrail its own name',
      ],
    ],
    [
      'a port out of range',
      { guardrails: [{ type: 'deny', name: 'x', from: {}, to: {}, ports: [{ port: 0 }] }] },
      [
        'guardrails[0].ports[0].port: number 0 is not a port: expected an integer between 1 and 65535 (named ports are not supported in guardrails)',
      ],
    ],
    [
      'a named port',
      { guardrails: [{ type: 'deny', name: 'x', from: {}, to: {}, ports: [{ port: 'http' }] }] },
      [
        'guardrails[0].ports[0].port: string "http" is not a port: expected an integer between 1 and 65535 (named ports are not supported in guardrails)',
      ],
    ],
    [
      'endPort below port',
      {
        guardrails: [
          { type: 'deny', name: 'x', from: {}, to: {}, ports: [{ port: 90, endPort: 80 }] },
        ],
      },
      ['guardrails[0].ports[0].endPort: endPort 80 is below port 90'],
    ],
    [
      'endPort without port',
      { guardrails: [{ type: 'deny', name: 'x', from: {}, to: {}, ports: [{ endPort: 80 }] }] },
      ['guardrails[0].ports[0].endPort: may only be given with a port'],
    ],
    [
      'a bad protocol',
      {
        guardrails: [{ type: 'deny', name: 'x', from: {}, to: {}, ports: [{ protocol: 'ICMP' }] }],
      },
      ['guardrails[0].ports[0].protocol: string "ICMP" is not a protocol (TCP, UDP, SCTP)'],
    ],
    [
      'policies not a list',
      { policies: {} },
      ['policies: expected a list of policy objects, got an object'],
    ],
    [
      'a policy of another kind',
      { policies: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }] },
      [
        'policies[0]: expected apiVersion networking.k8s.io/v1 and kind NetworkPolicy (or a ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy), got string "v1" / string "Pod"',
      ],
    ],
    [
      'a policy without name',
      {
        policies: [
          {
            apiVersion: 'networking.k8s.io/v1',
            kind: 'NetworkPolicy',
            metadata: {},
            spec: { podSelector: {} },
          },
        ],
      },
      ['policies[0].metadata.name: nothing is not a valid object name (RFC 1123 subdomain)'],
    ],
    [
      'a policy in a bad namespace',
      { policies: [np('x', 'Shop', { podSelector: {} })] },
      [
        'policies[0].metadata.namespace: "Shop" is not a valid namespace name (RFC 1123 label); leave it out for a template',
      ],
    ],
    [
      'an invalid policy',
      { policies: [np('x', 'shop', { ingress: [] })] },
      [
        'policies[0]: NetworkPolicy shop/x: spec.podSelector: podSelector is required (use {} to select every pod) [MISSING_FIELD]',
      ],
    ],
    [
      'an invalid template',
      {
        policies: [np('x', undefined, { podSelector: {}, egress: [{ ports: [{ port: 70000 }] }] })],
      },
      [
        'policies[0]: NetworkPolicy x (template): spec.egress[0].ports[0].port: port 70000 must be between 1 and 65535, inclusive [PORT_OUT_OF_RANGE]',
      ],
    ],
    [
      'a duplicate policy',
      { policies: [np('x', 'shop', { podSelector: {} }), np('x', 'shop', { podSelector: {} })] },
      ['policies[1]: NetworkPolicy shop/x is defined twice (first at policies[0])'],
    ],
  ])('rejects %s with a message naming the field', (_, value, expected) => {
    expect(issuesOf(value)).toEqual(expected);
  });

  it('reports every issue, not the first only', () => {
    const issues = issuesOf({
      scope: 1,
      guardrails: [{ type: 'deny', name: 'a', from: { cidr: 'x' }, to: { cidr: 'y' } }],
    });
    expect(issues).toEqual([
      'scope: expected an object, got number 1',
      'guardrails[0].from.cidr: "x" is not a CIDR',
      'guardrails[0].to.cidr: "y" is not a CIDR',
    ]);
  });

  it('accepts a template and a namespaced policy of the same name (the namespaced one overrides)', () => {
    expect(
      parseBaselineContent({
        policies: [np('x', undefined, { podSelector: {} }), np('x', 'shop', { podSelector: {} })],
      }).ok,
    ).toBe(true);
  });
});
