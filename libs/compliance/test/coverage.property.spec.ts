import fc from 'fast-check';
import { buildInventory, buildModel } from '@fenceline/netpol';
import {
  evaluationOptionsArbitrary,
  networkPolicyObject,
  policyTypesArbitrary,
  tupleOf,
} from '@fenceline/netpol-arbitraries';
import { coverageReport, evaluateFramework } from '../src/index';

/** Small random clusters: pods with labels in 3 namespaces, policies with random selectors and types. */
const NAMESPACES = ['a', 'b', 'c'];
const labels = fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('web', 'db'), {
  maxKeys: 2,
});
const selector = fc.record({ matchLabels: labels }, { requiredKeys: [] });
const policy = (i: number) =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      podSelector: selector,
      policyTypes: policyTypesArbitrary,
      egress: fc.option(fc.constant([{ to: [{ podSelector: {} }] }]), { nil: undefined }),
    })
    .map(({ namespace, podSelector, policyTypes, egress }) =>
      networkPolicyObject(`p${i}`, namespace, {
        podSelector,
        ...(policyTypes ? { policyTypes } : {}),
        ...(egress ? { egress } : {}),
      }),
    );
const pod = (i: number) =>
  fc
    .record({ namespace: fc.constantFrom(...NAMESPACES), labels, hostNetwork: fc.boolean() })
    .map(({ namespace, labels: l, hostNetwork }) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod${i}`, namespace, labels: l },
      spec: { hostNetwork, containers: [{ name: 'main' }] },
    }));
const cluster = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 }))
  .chain(([pods, policies]) => fc.tuple(tupleOf(pods, pod), tupleOf(policies, policy)));

describe('ZT-1 / ZT-2 scores are the model coverage', () => {
  it('equal isolated pods / pods of model.coverage(), and coverageReport agrees', () => {
    fc.assert(
      fc.property(cluster, evaluationOptionsArbitrary, ([pods, policies], opts) => {
        const inventory = buildInventory([...pods, ...policies].map((object) => ({ object })));
        const coverage = buildModel(inventory, opts).coverage();
        const report = evaluateFramework('zero-trust', { inventory, options: opts });
        const score = (id: string) => report.controls.find((c) => c.id === id)!.score;
        expect(score('ZT-1')).toBeCloseTo(coverage.ingressIsolatedPods / coverage.totalPods, 12);
        expect(score('ZT-2')).toBeCloseTo(coverage.egressIsolatedPods / coverage.totalPods, 12);
        const listed = coverageReport(inventory, opts);
        expect(listed.ingressIsolatedPods).toBe(coverage.ingressIsolatedPods);
        expect(listed.workloadsWithoutIngressIsolation.length === 0).toBe(
          coverage.ingressIsolatedPods === coverage.totalPods,
        );
        expect(listed.workloadsWithoutEgressIsolation.length === 0).toBe(
          coverage.egressIsolatedPods === coverage.totalPods,
        );
      }),
      { numRuns: 200 },
    );
  });
});
