import fc from 'fast-check';
import {
  networkPolicyObject,
  networkPolicyRuleArbitrary,
  networkPolicySpecArbitrary,
} from './network-policy';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 200);

describe('networkPolicyObject', () => {
  it('puts the namespace in metadata only when there is one (templates have none)', () => {
    expect(networkPolicyObject('p', 'ns-a', { podSelector: {} })).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'p', namespace: 'ns-a' },
      spec: { podSelector: {} },
    });
    expect(networkPolicyObject('p', undefined, {})['metadata']).toEqual({ name: 'p' });
  });
});

describe('networkPolicySpecArbitrary', () => {
  const rule = (field: 'from' | 'to') =>
    networkPolicyRuleArbitrary(field, fc.constant({ podSelector: {} }), fc.constant({}), {
      minLength: 1,
      maxLength: 2,
    });
  const spec = networkPolicySpecArbitrary({
    podSelector: fc.constant({}),
    ingressRule: rule('from'),
    egressRule: rule('to'),
    maxRules: 2,
  });

  it('has a podSelector, no undefined field, and rules of the right direction', () => {
    fc.assert(
      fc.property(spec, (s) => {
        expect(s['podSelector']).toEqual({});
        for (const [key, value] of Object.entries(s)) {
          expect(['podSelector', 'ingress', 'egress', 'policyTypes']).toContain(key);
          expect(value).toBeDefined();
        }
        for (const r of (s['ingress'] ?? []) as Record<string, unknown>[]) {
          expect(Object.keys(r)).not.toContain('to');
          if ('from' in r) expect((r['from'] as unknown[]).length).toBeGreaterThanOrEqual(1);
        }
        for (const r of (s['egress'] ?? []) as Record<string, unknown>[])
          expect(Object.keys(r)).not.toContain('from');
        expect(((s['ingress'] ?? []) as unknown[]).length).toBeLessThanOrEqual(2);
      }),
      { numRuns: RUNS },
    );
  });
});
