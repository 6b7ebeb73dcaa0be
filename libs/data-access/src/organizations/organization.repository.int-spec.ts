import { randomUUID } from 'node:crypto';
import { testDatabase } from '../../test/test-database';
import { OrganizationRepository } from './organization.repository';

const db = testDatabase();
afterAll(() => db.close());

describe('OrganizationRepository (PostgreSQL)', () => {
  const repo = new OrganizationRepository(db);

  it('creates an organization with dev, staging and prod, in promotion order', async () => {
    const org = await repo.create(`acme-${randomUUID()}`);
    expect(org.environments).toEqual(['dev', 'staging', 'prod']);
    expect(await repo.get(org.id)).toEqual(org);
  });

  it('refuses a second organization with the same name, and keeps the first', async () => {
    const name = `dup-${randomUUID()}`;
    const first = await repo.create(name);
    await expect(repo.create(name)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await repo.get(first.id)).toEqual(first);
  });
});
