import { newOrganization, testDatabase } from '../../test/test-database';
import { ClusterRepository } from './cluster.repository';

const db = testDatabase();
afterAll(() => db.close());

describe('ClusterRepository (PostgreSQL)', () => {
  const repo = new ClusterRepository(db);

  it('creates clusters in an environment and lists only the organization’s own', async () => {
    const org = await newOrganization(db);
    const other = await newOrganization(db);
    const a = await repo.create(org.id, {
      name: 'prod-eu',
      environment: 'prod',
      labels: { region: 'eu' },
    });
    await repo.create(other.id, { name: 'prod-eu', environment: 'prod' });
    expect(a).toMatchObject({
      name: 'prod-eu',
      environment: 'prod',
      labels: { region: 'eu' },
      lastSeenAt: null,
    });
    expect((await repo.list(org.id)).map((c) => c.id)).toEqual([a.id]);
    expect(await repo.get(org.id, a.id)).toEqual(a);
  });

  it('does not find another organization’s cluster, nor an id that is not a UUID', async () => {
    const org = await newOrganization(db);
    const other = await newOrganization(db);
    const c = await repo.create(org.id, { name: 'dev-1', environment: 'dev' });
    expect(await repo.get(other.id, c.id)).toBeUndefined();
    expect(await repo.get(org.id, 'not-a-uuid')).toBeUndefined();
  });

  it('rejects an unknown environment and a duplicate name with typed errors', async () => {
    const org = await newOrganization(db);
    await expect(repo.create(org.id, { name: 'x', environment: 'qa' })).rejects.toMatchObject({
      code: 'INVALID',
    });
    await repo.create(org.id, { name: 'x', environment: 'dev' });
    await expect(repo.create(org.id, { name: 'x', environment: 'staging' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await repo.list(org.id)).toHaveLength(1);
  });
});
