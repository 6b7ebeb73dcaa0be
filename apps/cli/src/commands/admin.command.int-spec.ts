import { randomUUID } from 'node:crypto';
import { ApiKeyRepository, Database } from '@fenceline/data-access';
import { runWithEnv } from '../../test/cli-harness';

const url =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const db = new Database(url);
afterAll(() => db.close());

describe('fenceline admin bootstrap (PostgreSQL)', () => {
  it('prints { organizationId, apiKey } and the key is an admin key of that organization', async () => {
    const result = await runWithEnv(
      { DATABASE_URL: url },
      process.cwd(),
      'admin',
      'bootstrap',
      '--org',
      `acme-${randomUUID()}`,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const printed = JSON.parse(result.stdout) as { organizationId: string; apiKey: string };
    expect(Object.keys(printed).sort()).toEqual(['apiKey', 'organizationId']);
    expect(await new ApiKeyRepository(db).authenticate(printed.apiKey)).toMatchObject({
      organizationId: printed.organizationId,
      role: 'admin',
    });
  });

  it('exits 2 with a clear message when the organization exists', async () => {
    const name = `acme-${randomUUID()}`;
    await runWithEnv({ DATABASE_URL: url }, process.cwd(), 'admin', 'bootstrap', '--org', name);
    const again = await runWithEnv(
      { DATABASE_URL: url },
      process.cwd(),
      'admin',
      'bootstrap',
      '--org',
      name,
    );
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: organization ${JSON.stringify(name)} already exists\n`,
    });
  });

  it('exits 2 naming DATABASE_URL when it is not a PostgreSQL URL', async () => {
    const result = await runWithEnv(
      { DATABASE_URL: 'mysql://x' },
      process.cwd(),
      'admin',
      'bootstrap',
      '--org',
      'x',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL: must be a postgresql:// URL');
  });

  it('exits 3 when the database cannot be reached', async () => {
    const result = await runWithEnv(
      { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' },
      process.cwd(),
      'admin',
      'bootstrap',
      '--org',
      'x',
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^error: cannot bootstrap in the database at 127\.0\.0\.1:1\/none/,
    );
  });
});
