import { ClusterRepository } from '../clusters/cluster.repository';
import { newOrganization, testDatabase } from '../../test/test-database';
import { AgentTokenRepository } from './agent-token.repository';

const db = testDatabase();
afterAll(() => db.close());

describe('AgentTokenRepository (PostgreSQL)', () => {
  const repo = new AgentTokenRepository(db);
  const clusters = new ClusterRepository(db);

  it('binds a token to one cluster and stops authenticating it once revoked', async () => {
    const org = await newOrganization(db);
    const cluster = await clusters.create(org.id, { name: 'c', environment: 'dev' });
    const { id, token } = await repo.create(org.id, cluster.id);
    expect(token).toMatch(/^fla_/);
    expect(await repo.authenticate(token)).toEqual({
      organizationId: org.id,
      clusterId: cluster.id,
      tokenId: id,
    });
    await repo.revoke(org.id, cluster.id, id);
    expect(await repo.authenticate(token)).toBeUndefined();
  });

  it('cannot be created or revoked through another organization', async () => {
    const org = await newOrganization(db);
    const other = await newOrganization(db);
    const cluster = await clusters.create(org.id, { name: 'c', environment: 'dev' });
    await expect(repo.create(other.id, cluster.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { id, token } = await repo.create(org.id, cluster.id);
    await expect(repo.revoke(other.id, cluster.id, id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await repo.authenticate(token)).toBeDefined();
  });
});
