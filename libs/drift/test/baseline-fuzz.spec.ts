import fc from 'fast-check';
import { mutateAt } from '@fenceline/netpol-arbitraries';
import { baselineContentHash, parseBaselineContent } from '../src/index';
import { SHOP_BASELINE } from './shop-fixture';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 300);

describe('parseBaselineContent never throws', () => {
  it('on arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
        (value) => {
          const result = parseBaselineContent(value);
          if (!result.ok)
            for (const issue of result.issues) expect(typeof issue.path).toBe('string');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('on arbitrary values in every field', () => {
    const field = fc.anything({ maxDepth: 4 });
    fc.assert(
      fc.property(
        fc.record(
          { scope: field, sensitive: field, policies: field, guardrails: field },
          { requiredKeys: [] },
        ),
        (value) => {
          expect(() => parseBaselineContent(value)).not.toThrow();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('on a valid baseline with one value replaced; what it accepts it accepts again unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.oneof(
          fc.jsonValue(),
          fc.string(),
          fc.integer({ min: -5, max: 70000 }),
          fc.constantFrom('10.0.0.0/33', 'In', 'NotIn', 'TCP', 'allow', 'both'),
        ),
        (path, replacement) => {
          const result = parseBaselineContent(mutateAt(SHOP_BASELINE, path, replacement));
          if (!result.ok) {
            expect(result.issues.length).toBeGreaterThan(0);
            for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
            return;
          }
          const again = parseBaselineContent(JSON.parse(JSON.stringify(result.content)));
          expect(again).toEqual(result);
          if (again.ok)
            expect(baselineContentHash(again.content)).toBe(baselineContentHash(result.content));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
