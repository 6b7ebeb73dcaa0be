import fc from 'fast-check';
import { NAMESPACE_NAME_LABEL, requirementArbitrary, selectorArbitrary } from './selector';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 200);

const VOCABULARY = { keys: ['app', 'env'], values: ['web', 'db'], namespaces: ['ns-a'] };

describe('requirementArbitrary', () => {
  it('gives values exactly to In and NotIn: one or two, distinct, from the vocabulary', () => {
    fc.assert(
      fc.property(requirementArbitrary(VOCABULARY), (r) => {
        if (r.operator === 'In' || r.operator === 'NotIn') {
          const values = 'values' in r ? r.values : [];
          expect(values.length).toBeGreaterThanOrEqual(1);
          expect(values.length).toBeLessThanOrEqual(2);
          expect(new Set(values).size).toBe(values.length);
          for (const v of values) expect(['web', 'db', 'ns-a']).toContain(v);
          expect([...VOCABULARY.keys, NAMESPACE_NAME_LABEL]).toContain(r.key);
        } else {
          expect(['Exists', 'DoesNotExist']).toContain(r.operator);
          expect('values' in r).toBe(false);
          expect(VOCABULARY.keys).toContain(r.key);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('selectorArbitrary', () => {
  it('stays within its size and often selects everything (`{}`, no labels, no expressions)', () => {
    let empty = 0;
    fc.assert(
      fc.property(selectorArbitrary(VOCABULARY, { maxLabels: 1, maxExpressions: 1 }), (s) => {
        expect(Object.keys(s.matchLabels ?? {}).length).toBeLessThanOrEqual(1);
        expect((s.matchExpressions ?? []).length).toBeLessThanOrEqual(1);
        const noLabels = Object.keys(s.matchLabels ?? {}).length === 0;
        if (noLabels && (s.matchExpressions ?? []).length === 0) empty++;
      }),
      { numRuns: RUNS },
    );
    expect(empty).toBeGreaterThan(0);
  });
});
