import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
const CHECKED_IN = join(root, 'apps/cli/src/generated/fenceline-api.d.ts');

/**
 * The CLI's API types are generated from the API's OpenAPI document and checked in: regenerating
 * them from the current API (bundle, export without services, openapi-typescript, Prettier) must
 * give the same file, so a changed route cannot leave the CLI compiled against the old contract.
 */
describe('the generated API types (apps/cli/src/generated/fenceline-api.d.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fenceline-api-types-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are what `npx nx run cli:generate-api` makes of the current document', () => {
    const fresh = join(dir, 'fenceline-api.d.ts');
    const document = join(dir, 'fenceline-api.json');
    execFileSync(
      process.execPath,
      [join(root, 'scripts/generate-api-client.js'), '--out', fresh, '--document', document],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const regenerated = readFileSync(fresh, 'utf8');
    // The operations `baseline push` calls, so that an empty or broken export cannot pass.
    const spec = JSON.parse(readFileSync(document, 'utf8')) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths['/v1/baselines'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(spec.paths['/v1/baselines/{id}/versions'] ?? {})).toContain('post');
    expect(regenerated).toContain("'/v1/baselines/{id}/versions': {");
    expect(firstDifference(readFileSync(CHECKED_IN, 'utf8'), regenerated)).toBeUndefined();
  }, 120_000);
});

/** Where the checked-in file departs from the regenerated one, and what to do about it. */
function firstDifference(checkedIn: string, regenerated: string): string | undefined {
  if (checkedIn === regenerated) return undefined;
  const a = checkedIn.split('\n');
  const b = regenerated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `stale at line ${at + 1}: ${JSON.stringify(a[at])} is now ${JSON.stringify(b[at])}; run npx nx run cli:generate-api and commit the file`;
}
