import { randomUUID } from 'node:crypto';
import { ApiKeyRepository } from '../api-keys/api-key.repository';
import { AuditEventRepository } from '../audit/audit-event.repository';
import { OrganizationRepository } from '../organizations/organization.repository';
import { testDatabase } from '../../test/test-database';
import { bootstrapOrganization } from './bootstrap-organization';

const db = testDatabase();
afterAll(() => db.close());

describe('bootstrapOrganization (PostgreSQL)', () => {
  it('creates the organization, its environments, an admin key that works, and an audit event', async () => {
    const name = `boot-${randomUUID()}`;
    const { organizationId, apiKey } = await bootstrapOrganization(db, name);
    expect(await new OrganizationRepository(db).get(organizationId)).toMatchObject({
      name,
      environments: ['dev', 'staging', 'prod'],
    });
    expect(await new ApiKeyRepository(db).authenticate(apiKey)).toMatchObject({
      organizationId,
      role: 'admin',
    });
    expect((await new AuditEventRepository(db).list(organizationId)).map((e) => e.action)).toEqual([
      'organization.bootstrapped',
    ]);
  });

  it('refuses an existing name and creates nothing', async () => {
    const name = `boot-${randomUUID()}`;
    await bootstrapOrganization(db, name);
    const before = await db.prisma.apiKey.count();
    await expect(bootstrapOrganization(db, name)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.prisma.apiKey.count()).toBe(before);
  });
});
