import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

describe('committed migrations', () => {
  it('match prisma/schema.prisma exactly (offline schema engine, shadow database)', () => {
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/prisma/build/index.js'),
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema',
        'prisma/schema.prisma',
        '--exit-code',
      ],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: process.env['FENCELINE_TEST_DATABASE_URL'] },
        encoding: 'utf8',
      },
    );
    // --exit-code: 0 = no difference, 2 = the schema has changes no migration holds.
    expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({
      status: 0,
      stdout: expect.stringContaining('No difference detected'),
    });
  });
});
