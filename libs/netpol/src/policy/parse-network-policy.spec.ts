import type { ObjectRef } from '../errors/object-ref';
import type { RawObject } from '../raw/read-field';
import type { IpBlockPeer, NetworkPolicy } from './network-policy';
import { parseNetworkPolicy } from './parse-network-policy';

const REF: ObjectRef = { kind: 'NetworkPolicy', namespace: 'shop', name: 'np', source: 'a#1' };

const parse = (spec: unknown, ref: ObjectRef = REF) =>
  parseNetworkPolicy({ kind: 'NetworkPolicy', metadata: { name: 'np' }, spec }, ref);

function valid(spec: RawObject) {
  const result = parse(spec);
  expect(result.issues).toEqual([]);
  if (!result.value) throw new Error('expected a policy');
  return result.value;
}

const ALL_PODS = { podSelector: {} };
const F0 = 'spec.ingress[0].from[0]';
const fromPeer = (peer: unknown) => ({ ...ALL_PODS, ingress: [{ from: [peer] }] });
const ingressPort = (port: unknown) => ({ ...ALL_PODS, ingress: [{ ports: [port] }] });
const expr = (key: string, operator: string, values?: string[]) => ({
  matchExpressions: [values ? { key, operator, values } : { key, operator }],
});

describe('parseNetworkPolicy: policyTypes', () => {
  const types = (p: NetworkPolicy): string =>
    [p.isolates.ingress && 'Ingress', p.isolates.egress && 'Egress'].filter(Boolean).join(',');
  const egressRule = { to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] };
  const both = { ingress: [{}], egress: [{}] };

  // expected: isolated directions, then the number of ingress and egress rules kept
  it.each<[string, RawObject, string, number, number]>([
    ['omitted, no rules', {}, 'Ingress', 0, 0],
    ['omitted, ingress rules', { ingress: [{}] }, 'Ingress', 1, 0],
    ['omitted, egress: []', { egress: [] }, 'Ingress', 0, 0],
    ['omitted, one empty egress rule', { egress: [{}] }, 'Ingress,Egress', 0, 1],
    ['omitted, egress rule, no ingress', { egress: [egressRule] }, 'Ingress,Egress', 0, 1],
    ['[Egress] drops ingress rules', { policyTypes: ['Egress'], ...both }, 'Egress', 0, 1],
    ['[Ingress] drops egress rules', { policyTypes: ['Ingress'], ...both }, 'Ingress', 1, 0],
    ['[Ingress, Egress], no rules', { policyTypes: ['Ingress', 'Egress'] }, 'Ingress,Egress', 0, 0],
    [
      '[Egress, Ingress], rules',
      { policyTypes: ['Egress', 'Ingress'], ...both },
      'Ingress,Egress',
      1,
      1,
    ],
  ])('%s', (_name, spec, expected, ingressRules, egressRules) => {
    const policy = valid({ ...ALL_PODS, ...spec });
    expect(types(policy)).toBe(expected);
    expect(policy.ingress).toHaveLength(ingressRules);
    expect(policy.egress).toHaveLength(egressRules);
  });

  // The API server defaults policyTypes when it is empty, not only when omitted
  // (SetDefaults_NetworkPolicy: `if len(PolicyTypes) == 0`).
  it('policyTypes: [] is defaulted like an omitted policyTypes', () => {
    const policy = valid({ ...ALL_PODS, policyTypes: [], ...both });
    expect(types(policy)).toBe('Ingress,Egress');
    expect(policy.ingress).toHaveLength(1);
  });
});

describe('parseNetworkPolicy: rules and peers', () => {
  it.each<[string, unknown]>([
    ['missing from', {}],
    ['empty from', { from: [] }],
    ['null from', { from: null }],
    ['null rule', null],
  ])('%s matches every peer on every port', (_name, rule) => {
    const policy = valid({ ...ALL_PODS, ingress: [rule] });
    expect(policy.ingress).toEqual([{ index: 0, peers: undefined, ports: [], portsKey: '' }]);
  });

  it('keeps the policy identity; namespace defaults to default', () => {
    const policy = valid({ podSelector: { matchLabels: { app: 'db' } } });
    expect(policy.ref).toBe(REF);
    expect([policy.namespace, policy.name]).toEqual(['shop', 'np']);
    expect(policy.podSelector.requirements).toEqual([
      { key: 'app', operator: 'In', values: ['db'] },
    ]);
    const bare = parse({ podSelector: {} }, { kind: 'NetworkPolicy', name: 'np' });
    expect(bare.value?.namespace).toBe('default');
  });

  it('parses selector peers: pod, namespace, both ANDed in one element', () => {
    const app = { matchLabels: { app: 'x' } };
    const from = [
      { podSelector: {} },
      { namespaceSelector: app },
      { podSelector: app, namespaceSelector: {} },
    ];
    const appX = { requirements: [{ key: 'app', operator: 'In', values: ['x'] }] };
    const all = { requirements: [] };
    expect(valid({ ...ALL_PODS, ingress: [{ from }] }).ingress[0]?.peers).toMatchObject([
      { kind: 'selector', index: 0, podSelector: all, namespaceSelector: undefined },
      { kind: 'selector', index: 1, podSelector: undefined, namespaceSelector: appX },
      { kind: 'selector', index: 2, podSelector: appX, namespaceSelector: all },
    ]);
  });

  it('parses an ipBlock as cidr minus except, masking host bits', () => {
    const block = { cidr: '10.0.1.1/8', except: ['10.1.0.0/16'] };
    const policy = valid({ ...ALL_PODS, egress: [{ to: [{ ipBlock: block }] }] });
    const peer = policy.egress[0]?.peers?.[0] as IpBlockPeer;
    expect([peer.kind, peer.index, peer.text]).toEqual([
      'ipBlock',
      0,
      '10.0.0.0/8 except 10.1.0.0/16',
    ]);
    expect(peer.addresses.contains(4, 0x0a000001n)).toBe(true); // 10.0.0.1
    expect(peer.addresses.contains(4, 0x0affffffn)).toBe(true); // 10.255.255.255
    expect(peer.addresses.contains(4, 0x0a010001n)).toBe(false); // 10.1.0.1
    expect(peer.addresses.contains(4, 0x0b000000n)).toBe(false); // 11.0.0.0
  });

  it('parses ports: protocol defaults to TCP, named ports, ranges', () => {
    const ports = [
      { port: 80 },
      { protocol: 'UDP' },
      { port: 'dns-tcp', protocol: 'SCTP' },
      { port: 8000, endPort: 8080 },
      { port: 9, endPort: 9 },
    ];
    expect(valid({ ...ALL_PODS, ingress: [{ ports }] }).ingress[0]?.ports).toEqual([
      { protocol: 'TCP', port: 80, endPort: undefined },
      { protocol: 'UDP', port: undefined, endPort: undefined },
      { protocol: 'SCTP', port: 'dns-tcp', endPort: undefined },
      { protocol: 'TCP', port: 8000, endPort: 8080 },
      { protocol: 'TCP', port: 9, endPort: 9 },
    ]);
  });
});

describe('parseNetworkPolicy: validation errors', () => {
  const expectOnly = (spec: unknown, code: string, path: string): void => {
    const result = parse(spec);
    expect(result.value).toBeUndefined();
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([[code, path]]);
    expect(result.issues[0]?.object).toEqual(REF);
  };
  const blk = (cidr: string | undefined, ...except: string[]) => ({ cidr, except });
  const egressTo = (peer: unknown) => ({ ...ALL_PODS, egress: [{ to: [peer] }] });
  const EXCEPT = 'EXCEPT_OUTSIDE_CIDR';
  const TYPE = 'INVALID_POLICY_TYPE';
  const X = 'matchExpressions[0]';
  const T0 = 'spec.egress[0].to[0]';
  const R0 = 'spec.ingress[0]';
  const IPB_SEL = 'PEER_IPBLOCK_WITH_SELECTOR';
  const IPB = { ipBlock: { cidr: '10.0.0.0/8' } };

  it.each<[string, unknown, string, string]>([
    ['invalid cidr', blk('10.0.0.0/33'), 'INVALID_CIDR', 'cidr'],
    ['cidr without prefix', blk('10.0.0.1'), 'INVALID_CIDR', 'cidr'],
    ['invalid except', blk('10.0.0.0/8', '10.1.0.0/99'), 'INVALID_CIDR', 'except[0]'],
    ['except outside', blk('10.0.0.0/8', '10.0.0.0/9', '11.0.0.0/9'), EXCEPT, 'except[1]'],
    ['except equal to cidr', blk('10.0.0.0/8', '10.0.0.0/8'), EXCEPT, 'except[0]'],
    ['except larger than cidr', blk('10.0.0.0/16', '10.0.0.0/8'), EXCEPT, 'except[0]'],
    ['except of other family', blk('0.0.0.0/0', '::/1'), EXCEPT, 'except[0]'],
    ['no cidr', blk(undefined, '10.0.0.0/8'), 'MISSING_FIELD', 'cidr'],
  ])('ipBlock: %s', (_name, block, code, field) => {
    expectOnly(fromPeer({ ipBlock: block }), code, `spec.ingress[0].from[0].ipBlock.${field}`);
  });

  it.each<[string, unknown, string, string]>([
    ['port 0', { port: 0 }, 'PORT_OUT_OF_RANGE', 'port'],
    ['port 65536', { port: 65536 }, 'PORT_OUT_OF_RANGE', 'port'],
    ['endPort 65536', { port: 80, endPort: 65536 }, 'PORT_OUT_OF_RANGE', 'endPort'],
    ['uppercase name', { port: 'HTTP' }, 'INVALID_PORT_NAME', 'port'],
    ['name with --', { port: 'a--b' }, 'INVALID_PORT_NAME', 'port'],
    ['name of 16 characters', { port: 'abcdefghijklmnop' }, 'INVALID_PORT_NAME', 'port'],
    ['digit string', { port: '8080' }, 'INVALID_PORT_NAME', 'port'],
    ['float', { port: 80.5 }, 'INVALID_TYPE', 'port'],
    ['endPort with name', { port: 'http', endPort: 90 }, 'END_PORT_WITH_NAMED_PORT', 'endPort'],
    ['endPort below port', { port: 90, endPort: 80 }, 'END_PORT_BELOW_PORT', 'endPort'],
    ['endPort without port', { endPort: 80 }, 'END_PORT_WITHOUT_PORT', 'endPort'],
    ['lowercase protocol', { protocol: 'tcp', port: 80 }, 'INVALID_PROTOCOL', 'protocol'],
    ['ICMP', { protocol: 'ICMP' }, 'INVALID_PROTOCOL', 'protocol'],
  ])('port: %s', (_name, port, code, field) => {
    expectOnly(ingressPort(port), code, `spec.ingress[0].ports[0].${field}`);
  });

  it.each<[string, unknown, string, string]>([
    ['bad key', { matchLabels: { 'app/': 'x' } }, 'INVALID_LABEL_KEY', 'matchLabels'],
    ['bad expression key', expr('Bad.Prefix/x', 'Exists'), 'INVALID_LABEL_KEY', `${X}.key`],
    ['bad value', { matchLabels: { app: 'a b' } }, 'INVALID_LABEL_VALUE', 'matchLabels.app'],
    ['unknown operator', expr('app', 'Equals', ['x']), 'UNKNOWN_OPERATOR', `${X}.operator`],
    ['In without values', expr('app', 'In', []), 'INVALID_SELECTOR_VALUES', `${X}.values`],
    ['Exists with values', expr('app', 'Exists', ['x']), 'INVALID_SELECTOR_VALUES', `${X}.values`],
  ])('selector: %s', (_name, selector, code, field) => {
    expectOnly({ podSelector: selector }, code, `spec.podSelector.${field}`);
    expectOnly(fromPeer({ namespaceSelector: selector }), code, `${F0}.namespaceSelector.${field}`);
  });

  it.each<[string, unknown, string]>([
    ['{}', {}, 'PEER_WITHOUT_SELECTOR'],
    ['null selectors', { podSelector: null, namespaceSelector: null }, 'PEER_WITHOUT_SELECTOR'],
    ['ipBlock and podSelector', { ...IPB, podSelector: {} }, IPB_SEL],
    ['ipBlock and namespaceSelector', { ...IPB, namespaceSelector: {} }, IPB_SEL],
  ])('peer: %s', (_name, peer, code) => {
    expectOnly(fromPeer(peer), code, F0);
  });

  it.each<[string, unknown, string, string]>([
    ['egress cidr', egressTo({ ipBlock: blk('1.2.3/8') }), 'INVALID_CIDR', `${T0}.ipBlock.cidr`],
    [
      'lowercase type',
      { ...ALL_PODS, policyTypes: ['Egress', 'ingress'] },
      TYPE,
      'spec.policyTypes[1]',
    ],
    ['no spec', undefined, 'MISSING_FIELD', 'spec'],
    ['no podSelector', { ingress: [{}] }, 'MISSING_FIELD', 'spec.podSelector'],
    ['ingress is a string', { ...ALL_PODS, ingress: 'all' }, 'INVALID_TYPE', 'spec.ingress'],
    ['from is an object', { ...ALL_PODS, ingress: [{ from: {} }] }, 'INVALID_TYPE', `${R0}.from`],
  ])('%s', (_name, spec, code, path) => {
    expectOnly(spec, code, path);
  });

  it('validates rules of a direction that policyTypes leaves out', () => {
    const result = parse({
      ...ALL_PODS,
      policyTypes: ['Ingress'],
      egress: [{ ports: [{}, { port: 0 }] }],
    });
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['PORT_OUT_OF_RANGE', 'spec.egress[0].ports[1].port'],
    ]);
  });

  it('reports every error in the policy, not only the first', () => {
    const result = parse({
      podSelector: expr('app', 'Equals', ['x']),
      policyTypes: ['Ingress', 'Sideways'],
      ingress: [
        {
          from: [{}, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] } }],
          ports: [{ port: 0 }, { port: 'http', endPort: 90 }],
        },
      ],
      egress: [{ to: [{ ipBlock: { cidr: 'nope' } }] }],
    });
    expect(result.value).toBeUndefined();
    // the order of the issues is not part of the contract
    expect(result.issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual([
      'END_PORT_WITH_NAMED_PORT spec.ingress[0].ports[1].endPort',
      'EXCEPT_OUTSIDE_CIDR spec.ingress[0].from[1].ipBlock.except[0]',
      'INVALID_CIDR spec.egress[0].to[0].ipBlock.cidr',
      'INVALID_POLICY_TYPE spec.policyTypes[1]',
      'PEER_WITHOUT_SELECTOR spec.ingress[0].from[0]',
      'PORT_OUT_OF_RANGE spec.ingress[0].ports[0].port',
      'UNKNOWN_OPERATOR spec.podSelector.matchExpressions[0].operator',
    ]);
  });
});
