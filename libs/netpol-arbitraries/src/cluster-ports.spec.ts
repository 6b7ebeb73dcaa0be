import fc from 'fast-check';
import { clusterPortObject, clusterPortsArbitrary, type ClusterPortItem } from './cluster-ports';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 200);

// Spellings from the network-policy-api reference: v1alpha1 AdminNetworkPolicyPort and v1alpha2
// ClusterNetworkPolicy ProtocolPort (https://network-policy-api.sigs.k8s.io/reference/spec/).
const CASES: [ClusterPortItem, Record<string, unknown>, Record<string, unknown>][] = [
  [
    { kind: 'number', protocol: 'TCP', port: 80 },
    { portNumber: { protocol: 'TCP', port: 80 } },
    { tcp: { destinationPort: { number: 80 } } },
  ],
  [
    { kind: 'range', protocol: 'SCTP', start: 53, end: 90 },
    { portRange: { protocol: 'SCTP', start: 53, end: 90 } },
    { sctp: { destinationPort: { range: { start: 53, end: 90 } } } },
  ],
  [{ kind: 'named', name: 'http' }, { namedPort: 'http' }, { destinationNamedPort: 'http' }],
];

describe('clusterPortObject', () => {
  it.each(CASES)('spells %j for both API versions', (item, v1alpha1, v1alpha2) => {
    expect(clusterPortObject('v1alpha1', item)).toEqual(v1alpha1);
    expect(clusterPortObject('v1alpha2', item)).toEqual(v1alpha2);
  });
});

describe('clusterPortsArbitrary', () => {
  const vocabulary = {
    protocols: ['TCP', 'UDP'],
    ports: [53],
    starts: [80],
    ends: [90],
    names: ['http'],
    maxLength: 2,
  };

  it.each([
    ['v1alpha1' as const, 'namedPort'],
    ['v1alpha2' as const, 'destinationNamedPort'],
  ])('%s: 1 to maxLength ports, `named` exactly when one is a named port', (version, namedKey) => {
    fc.assert(
      fc.property(clusterPortsArbitrary(version, vocabulary), (ports) => {
        expect(ports.list.length).toBeGreaterThanOrEqual(1);
        expect(ports.list.length).toBeLessThanOrEqual(2);
        expect(ports.named).toBe(ports.list.some((p) => namedKey in p));
      }),
      { numRuns: RUNS },
    );
  });
});
