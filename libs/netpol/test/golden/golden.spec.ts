import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildInventory,
  buildModel,
  buildModelPair,
  diffModels,
  loadPaths,
  referenceConnlist,
  referenceDiff,
  type Inventory,
  type Protocol,
} from '../../src/index';

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
        const inventory = load([join(dir, 'manifests')]);
        const render = (rows: ReturnType<typeof referenceConnlist>) => rows.map((r) => `${r.src} => ${r.dst} : ${r.conn}\n`).join('');
        check(join(dir, 'expected-connlist.txt'), render(referenceConnlist(inventory)));
        expect(render(buildModel(inventory).connlist())).toBe(readFileSync(join(dir, 'expected-connlist.txt'), 'utf8'));
      });
    }
    if (existsSync(join(dir, 'expected-explain.txt'))) {
      it(`${name}: explain (the decision path of each query through the tiers)`, () => {
        const inventory = load([join(dir, 'manifests')]);
        const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as {
          src: string;
          dst: string;
          protocol: Protocol;
          port: number;
        }[];
        const model = buildModel(inventory);
        const text = queries
          .map((q) => {
            const e = model.explain(q.src, q.dst, { protocol: q.protocol, port: q.port });
            return [
              `${e.src} => ${e.dst} ${q.protocol} ${q.port}: ${e.verdict ? 'ALLOWED' : 'DENIED'}`,
              `  egress: ${e.egress.path}`,
              `  ingress: ${e.ingress.path}`,
              ...e.notes.map((n) => `  note: ${n}`),
            ].join('\n');
          })
          .join('\n');
        check(join(dir, 'expected-explain.txt'), `${text}\n`);
      });
    }
    if (existsSync(join(dir, 'expected-diff.txt'))) {
      it(`${name}: diff`, () => {
        const scenario = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')) as { before: string[]; after: string[] };
        const before = load(scenario.before.map((p) => join(dir, p)));
        const after = load(scenario.after.map((p) => join(dir, p)));
        const render = (rows: ReturnType<typeof referenceDiff>) =>
          rows
            .map((r) => [r.diffType, `${r.src} => ${r.dst}`, `${r.before} -> ${r.after}`, ...(r.note ? [r.note] : [])].join(' | ') + '\n')
            .join('');
        check(join(dir, 'expected-diff.txt'), render(referenceDiff(before, after)));
        expect(render(diffModels(...buildModelPair(before, after)))).toBe(readFileSync(join(dir, 'expected-diff.txt'), 'utf8'));
      });
    }
  }
});
