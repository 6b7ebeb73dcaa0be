import { newOrganization, testDatabase } from '../../test/test-database';
import { ApiKeyRepository, roleAtLeast } from './api-key.repository';

const db = testDatabase();
afterAll(() => db.close());

describe('ApiKeyRepository (PostgreSQL)', () => {
  const repo = new ApiKeyRepository(db);

  it('shows the secret once, stores only its hash, and authenticates it', async () => {
    const org = await newOrganization(db);
    const created = await repo.create(org.id, { name: 'ci', role: 'editor' });
    expect(created.key).toMatch(/^flk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.key.split('_')[2]);
    expect(await repo.authenticate(created.key)).toEqual({
      organizationId: org.id,
      apiKeyId: created.id,
      name: 'ci',
      role: 'editor',
    });
    expect((await repo.list(org.id))[0]?.lastUsedAt).not.toBeNull();
    expect(await repo.list(org.id)).not.toContainEqual(
      expect.objectContaining({ key: expect.anything() }),
    );
  });

  it('rejects unknown and revoked keys; another organization cannot revoke it', async () => {
    const org = await newOrganization(db);
    const other = await newOrganization(db);
    const created = await repo.create(org.id, { name: 'ci', role: 'admin' });
    expect(await repo.authenticate(`${created.key}x`)).toBeUndefined();
    await expect(repo.revoke(other.id, created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await repo.authenticate(created.key)).toBeDefined();
    await repo.revoke(org.id, created.id);
    expect(await repo.authenticate(created.key)).toBeUndefined();
  });

  it('orders roles viewer < editor < approver < admin', () => {
    expect(roleAtLeast('admin', 'approver')).toBe(true);
    expect(roleAtLeast('editor', 'approver')).toBe(false);
    expect(roleAtLeast('viewer', 'viewer')).toBe(true);
  });
});
