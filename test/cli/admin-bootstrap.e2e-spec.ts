import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ApiKeyRepository, Database, OrganizationRepository } from '@fenceline/data-access';

const FENCELINE = resolve(__dirname, '../../bin/fenceline');
const url =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const db = new Database(url);
afterAll(() => db.close());

describe('bin/fenceline admin bootstrap (built CLI, real PostgreSQL)', () => {
  it('creates an organization with dev, staging, prod and prints a working admin key', async () => {
    const name = `e2e-${randomUUID()}`;
    const run = spawnSync(FENCELINE, ['admin', 'bootstrap', '--org', name], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, DATABASE_URL: url },
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const { organizationId, apiKey } = JSON.parse(run.stdout) as {
      organizationId: string;
      apiKey: string;
    };
    expect(await new OrganizationRepository(db).get(organizationId)).toMatchObject({
      name,
      environments: ['dev', 'staging', 'prod'],
    });
    expect(await new ApiKeyRepository(db).authenticate(apiKey)).toMatchObject({
      organizationId,
      role: 'admin',
    });
  });
});
