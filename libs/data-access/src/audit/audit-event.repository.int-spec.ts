import { newOrganization, testDatabase } from '../../test/test-database';
import { AuditEventRepository } from './audit-event.repository';

const db = testDatabase();
afterAll(() => db.close());

describe('AuditEventRepository (PostgreSQL)', () => {
  const repo = new AuditEventRepository(db);

  it('appends events and lists them per organization, oldest first', async () => {
    const org = await newOrganization(db);
    const other = await newOrganization(db);
    await repo.record(org.id, {
      actor: 'alice',
      action: 'cluster.created',
      target: 'cluster/a',
      before: null,
      after: { name: 'a' },
    });
    await repo.record(org.id, {
      actor: 'bob',
      action: 'cluster.created',
      target: 'cluster/b',
      before: null,
      after: { name: 'b' },
    });
    expect((await repo.list(org.id)).map((e) => e.actor)).toEqual(['alice', 'bob']);
    expect(await repo.list(other.id)).toEqual([]);
  });

  it('cannot be rewritten: the database refuses UPDATE and DELETE', async () => {
    const org = await newOrganization(db);
    const event = await repo.record(org.id, {
      actor: 'alice',
      action: 'x',
      target: 'y',
      before: null,
      after: null,
    });
    await expect(
      db.prisma.auditEvent.update({ where: { id: event.id }, data: { actor: 'mallory' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(
      /append-only/,
    );
    expect((await repo.list(org.id))[0]?.actor).toBe('alice');
  });
});
