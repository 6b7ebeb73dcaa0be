import {
  buildInventory,
  buildModelPair,
  diffModels,
  referenceDiff,
  type Inventory,
} from '../../src/index';
import { readCases } from './conformance-data';
import { semanticDifferences, type TextRow } from './semantic-compare';

interface DiffCase {
  name: string;
  ref1: { name: string; resources: unknown[] };
  ref2: { name: string; resources: unknown[] };
  expected: { diffType: string; src: string; dst: string; ref1: string; ref2: string }[];
}

const cases = readCases<DiffCase>('npguard/diff');

function inventoryOf(resources: unknown[]) {
  const inventory = buildInventory(
    resources.map((object) => ({ object })),
    { workloadName: 'direct' },
  );
  expect(inventory.issues).toEqual([]);
  return inventory;
}

/** Compares one side of a diff (`ref1` or `ref2` connections of every row) semantically. */
function side(rows: { src: string; dst: string; conn: string }[]): TextRow[] {
  return rows.filter((r) => r.conn !== 'No Connections');
}

const EVALUATORS = {
  reference: (a: Inventory, b: Inventory) => referenceDiff(a, b),
  'fast model': (a: Inventory, b: Inventory) => diffModels(...buildModelPair(a, b)),
};

describe.each(Object.keys(EVALUATORS) as (keyof typeof EVALUATORS)[])(
  'np-guard diff conformance (%s)',
  (evaluator) => {
    it('finds all 4 cases', () => {
      expect(cases).toHaveLength(4);
    });

    for (const { file, data } of cases) {
      it(file.replace(/\.json$/, ''), () => {
        const rows = EVALUATORS[evaluator](
          inventoryOf(data.ref1.resources),
          inventoryOf(data.ref2.resources),
        );
        // Rows must cover the same pairs, with the same before and after connections.
        const wantBefore = side(
          data.expected.map((e) => ({ src: e.src, dst: e.dst, conn: e.ref1 })),
        );
        const wantAfter = side(
          data.expected.map((e) => ({ src: e.src, dst: e.dst, conn: e.ref2 })),
        );
        const gotBefore = side(
          rows.map((r) => ({ src: r.src, dst: r.dst, conn: r.before.toString() })),
        );
        const gotAfter = side(
          rows.map((r) => ({ src: r.src, dst: r.dst, conn: r.after.toString() })),
        );
        expect(semanticDifferences(wantBefore, gotBefore)).toEqual([]);
        expect(semanticDifferences(wantAfter, gotAfter)).toEqual([]);
        // External ranges may be cut differently than the expected rows, so rows are compared through
        // the two sides above; each row must still be a real difference of the right type.
        for (const r of rows) {
          expect(r.before.equals(r.after)).toBe(false);
          expect(r.diffType).toBe(
            r.before.isEmpty ? 'added' : r.after.isEmpty ? 'removed' : 'changed',
          );
        }
        expect(rows.length === 0).toBe(data.expected.length === 0);
      });
    }
  },
);
