import fc from 'fast-check';
import {
  CLUSTER_POLICY_ACTIONS,
  clusterPoliciesArbitrary,
  clusterPolicyArbitrary,
  podSelectionArbitrary,
  type ClusterPolicyKind,
  type ClusterPolicyVocabulary,
} from './cluster-policy';
import { clusterPortsArbitrary } from './cluster-ports';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 200);

type Raw = Record<string, unknown>;

const selector = fc.constantFrom({}, { matchLabels: { app: 'web' } });
const VOCABULARY: ClusterPolicyVocabulary = {
  namespaces: selector,
  pods: podSelectionArbitrary(selector),
  networks: fc.constant(['10.0.0.0/8']),
  nodes: selector,
  ports: (version) =>
    clusterPortsArbitrary(version, {
      protocols: ['TCP'],
      ports: [80],
      starts: [80],
      ends: [90],
      names: ['http'],
      maxLength: 2,
    }),
};

const rulesOf = (policy: Raw): Raw[] => {
  const spec = policy['spec'] as Raw;
  return [...((spec['ingress'] as Raw[]) ?? []), ...((spec['egress'] as Raw[]) ?? [])];
};

describe('clusterPolicyArbitrary', () => {
  it('follows the API of its kind: version, name, tier, priority, actions, port field', () => {
    fc.assert(
      fc.property(clusterPolicyArbitrary(VOCABULARY, 7), (policy) => {
        const kind = policy['kind'] as ClusterPolicyKind;
        const spec = policy['spec'] as Raw;
        const cnp = kind === 'ClusterNetworkPolicy';
        expect(policy['apiVersion']).toBe(
          `policy.networking.k8s.io/${cnp ? 'v1alpha2' : 'v1alpha1'}`,
        );
        const baseline = kind === 'BaselineAdminNetworkPolicy';
        expect(policy['metadata']).toEqual({ name: baseline ? 'default' : 'cluster-7' });
        expect('tier' in spec).toBe(cnp);
        expect('priority' in spec).toBe(!baseline);
        for (const rule of rulesOf(policy)) {
          expect(CLUSTER_POLICY_ACTIONS[kind]).toContain(rule['action']);
          // v1alpha2 lists `protocols`, v1alpha1 `ports`.
          expect(Object.keys(rule)).not.toContain(cnp ? 'ports' : 'protocols');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives no address peer (networks, nodes) to a rule that names a port', () => {
    fc.assert(
      fc.property(clusterPolicyArbitrary(VOCABULARY, 0), (policy) => {
        for (const rule of rulesOf(policy)) {
          const ports = (rule['ports'] ?? rule['protocols'] ?? []) as Raw[];
          const named = ports.some((p) => 'namedPort' in p || 'destinationNamedPort' in p);
          const peers = (rule['from'] ?? rule['to']) as Raw[];
          expect(peers.length).toBeGreaterThanOrEqual(1);
          if (named) for (const peer of peers) expect(Object.keys(peer)).not.toContain('networks');
          if (named) for (const peer of peers) expect(Object.keys(peer)).not.toContain('nodes');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('draws at most maxRules rules per direction', () => {
    fc.assert(
      fc.property(clusterPolicyArbitrary(VOCABULARY, 0, 1), (policy) => {
        const spec = policy['spec'] as Raw;
        expect(((spec['ingress'] as Raw[]) ?? []).length).toBeLessThanOrEqual(1);
        expect(((spec['egress'] as Raw[]) ?? []).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('clusterPoliciesArbitrary', () => {
  it('keeps at most one BaselineAdminNetworkPolicy and names the others apart', () => {
    fc.assert(
      fc.property(clusterPoliciesArbitrary(VOCABULARY, { min: 1, max: 4 }), (policies) => {
        expect(policies.length).toBeGreaterThanOrEqual(1);
        expect(policies.length).toBeLessThanOrEqual(4);
        const kinds = policies.map((p) => p['kind']);
        expect(kinds.filter((k) => k === 'BaselineAdminNetworkPolicy').length).toBeLessThan(2);
        const names = policies.map((p) => (p['metadata'] as Raw)['name']);
        expect(new Set(names).size).toBe(names.length);
      }),
      { numRuns: RUNS },
    );
  });
});
