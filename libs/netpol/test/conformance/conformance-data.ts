import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the third-party conformance data lives: `../shared/conformance` beside the checkout
 * (override with FENCELINE_CONFORMANCE_DIR). It is read in place, never copied into the repo.
 */
export const CONFORMANCE_DIR = resolve(
  process.env['FENCELINE_CONFORMANCE_DIR'] ?? join(__dirname, '../../../../../shared/conformance'),
);

/** Every case file of one suite folder, parsed; fails loudly if the data is missing. */
export function readCases<T>(suite: string): { file: string; data: T }[] {
  const dir = join(CONFORMANCE_DIR, suite);
  if (!existsSync(dir)) throw new Error(`conformance data not found at ${dir}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, data: JSON.parse(readFileSync(join(dir, file), 'utf8')) as T }));
}
