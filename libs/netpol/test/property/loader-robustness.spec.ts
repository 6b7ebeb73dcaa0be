import fc from 'fast-check';
import { mutateAt } from '@fenceline/netpol-arbitraries';
import { buildInventory, ISSUE_CODES, parseDocuments, referenceConnlist } from '../../src/index';
import { clusterArbitrary } from './cluster-arbitrary';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 300);

describe('loader and validator never crash on bad input', () => {
  it('buildInventory returns typed issues (never throws) for arbitrary values', () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), (values) => {
        const inventory = buildInventory(values.map((object) => ({ object })));
        for (const issue of inventory.issues) expect(ISSUE_CODES).toContain(issue.code);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated valid clusters give issues with code, object and path, and the rest is analysed', () => {
    fc.assert(
      fc.property(
        clusterArbitrary,
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(fc.jsonValue(), fc.string(), fc.integer({ min: -5, max: 70000 })),
        (objects, path, replacement) => {
          const broken = mutateAt(objects, path, replacement) as unknown[];
          const inventory = buildInventory(
            (Array.isArray(broken) ? broken : [broken]).map((object) => ({ object })),
          );
          for (const issue of inventory.issues) {
            expect(ISSUE_CODES).toContain(issue.code);
            expect(issue.object.kind.length).toBeGreaterThan(0);
            expect(typeof issue.path).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
          expect(() => referenceConnlist(inventory)).not.toThrow();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('parseDocuments never throws on random text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('a.yaml', 'b.json'),
        (text, file) => {
          const parsed = parseDocuments(text, file);
          for (const issue of parsed.issues) expect(issue.code).toBe('PARSE_ERROR');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
