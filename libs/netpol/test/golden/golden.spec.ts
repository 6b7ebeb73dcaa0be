import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInventory, loadPaths, referenceConnlist, referenceDiff, type Inventory } from '../../src/index';

/**
 * Golden scenarios: a folder per scenario with manifests and the expected output, worked out by
 * hand from the policies (comments in the manifests say why). `UPDATE_GOLDEN=1` rewrites the
 * expected files; review such a change line by line before committing it.
 */
const ROOT = __dirname;
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function load(paths: string[]): Inventory {
  const parsed = loadPaths(paths);
  expect(parsed.issues).toEqual([]);
  const inventory = buildInventory(parsed.objects);
  expect(inventory.issues).toEqual([]);
  return inventory;
}

function check(file: string, actual: string): void {
  if (UPDATE) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const scenarios = readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

describe('golden scenarios', () => {
  it('has scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
  });

  for (const name of scenarios) {
    const dir = join(ROOT, name);
    if (existsSync(join(dir, 'expected-connlist.txt'))) {
      it(`${name}: connlist`, () => {
        const rows = referenceConnlist(load([join(dir, 'manifests')]));
        check(join(dir, 'expected-connlist.txt'), rows.map((r) => `${r.src} => ${r.dst} : ${r.conn}\n`).join(''));
      });
    }
    if (existsSync(join(dir, 'expected-diff.txt'))) {
      it(`${name}: diff`, () => {
        const scenario = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')) as { before: string[]; after: string[] };
        const rows = referenceDiff(load(scenario.before.map((p) => join(dir, p))), load(scenario.after.map((p) => join(dir, p))));
        const text = rows
          .map((r) => [r.diffType, `${r.src} => ${r.dst}`, `${r.before} -> ${r.after}`, ...(r.note ? [r.note] : [])].join(' | ') + '\n')
          .join('');
        check(join(dir, 'expected-diff.txt'), text);
      });
    }
  }
});
