import { randomUUID } from 'node:crypto';
import { ClusterRepository } from '../clusters/cluster.repository';
import { newOrganization, testDatabase } from '../../test/test-database';
import { ComplianceResultRepository } from './compliance-result.repository';
import { WaiverRepository, waiverApplies } from './waiver.repository';

const db = testDatabase();
afterAll(() => db.close());

const DAY = 24 * 3600 * 1000;
const t0 = new Date('2026-11-01T00:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const alice = { id: '00000000-0000-4000-8000-00000000000a', display: 'alice (key 00000000)' };
const bob = { id: '00000000-0000-4000-8000-00000000000b', display: 'bob (key 00000000)' };

describe('WaiverRepository (a fake clock: every call takes `now`)', () => {
  const repo = new WaiverRepository(db);
  const input = {
    controlId: 'ZT-1',
    scope: { cluster: 'prod-eu', namespace: 'legacy' },
    justification: 'migrating to default deny in Q1',
    ticketUrl: 'https://jira.example.com/SEC-7',
    expiresAt: at(30),
  };

  it('is requested, approved by another approver, applies until it expires by itself', async () => {
    const org = await newOrganization(db);
    await expect(
      repo.request(org.id, { ...input, expiresAt: at(-1) }, alice, t0),
    ).rejects.toMatchObject({ code: 'INVALID' });
    const waiver = await repo.request(org.id, input, alice, t0);
    expect(waiverApplies(waiver, t0)).toBe(false);
    await expect(repo.approve(org.id, waiver.id, alice, t0)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const approved = await repo.approve(org.id, waiver.id, bob, at(1));
    expect([approved.approvedBy, approved.approvedAt?.toISOString()]).toEqual([
      bob.id,
      at(1).toISOString(),
    ]);
    await expect(repo.approve(org.id, waiver.id, bob, at(1))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await repo.active(org.id, at(2))).map((w) => w.id)).toEqual([waiver.id]);
    expect((await repo.active(org.id, at(30))).map((w) => w.id)).toEqual([]);
    const actions = (
      await db.prisma.auditEvent.findMany({
        where: { organizationId: org.id },
        orderBy: { at: 'asc' },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(['waiver.requested', 'waiver.approved']);
  });

  it('reports active, expiring within 14 days, expired, unused and pending waivers', async () => {
    const org = await newOrganization(db);
    const long = await repo.request(org.id, { ...input, expiresAt: at(60) }, alice, t0);
    const soon = await repo.request(org.id, { ...input, expiresAt: at(10) }, alice, t0);
    const pending = await repo.request(org.id, { ...input, expiresAt: at(60) }, alice, t0);
    for (const w of [long, soon]) await repo.approve(org.id, w.id, bob, t0);
    await repo.markUsed(org.id, [long.id], at(1));
    const ids = (ws: readonly { id: string }[]) => ws.map((w) => w.id).sort();
    const now = await repo.report(org.id, at(2));
    expect([
      ids(now.active),
      ids(now.expiringSoon),
      ids(now.expired),
      ids(now.unused),
      ids(now.pending),
    ]).toEqual([ids([long, soon]), [soon.id], [], [soon.id], [pending.id]]);
    const later = await repo.report(org.id, at(11));
    expect([ids(later.active), ids(later.expired)]).toEqual([[long.id], [soon.id]]);
    await expect(repo.approve(org.id, soon.id, bob, at(11))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('ComplianceResultRepository', () => {
  const repo = new ComplianceResultRepository(db);

  it('answers "as of" any past date, shows trends, and prunes past the retention', async () => {
    const org = await newOrganization(db);
    const cluster = await new ClusterRepository(db).create(org.id, {
      name: 'prod-eu',
      environment: 'prod',
    });
    const snapshots = [randomUUID(), randomUUID(), randomUUID()];
    const statuses = ['fail', 'waived', 'pass'] as const;
    for (const [i, snapshotId] of snapshots.entries()) {
      const recorded = await repo.record(org.id, {
        clusterId: cluster.id,
        snapshotId,
        framework: 'zero-trust',
        frameworkVersion: '1.0',
        evaluatedAt: at(i * 10),
        results: [
          { id: 'ZT-1', status: statuses[i]!, score: i / 2, evidence: [{ i }] },
          { id: 'ZT-10', status: 'not-applicable', score: 1, evidence: [] },
        ],
      });
      expect(recorded).toBe(2);
    }
    expect(
      await repo.record(org.id, {
        clusterId: cluster.id,
        snapshotId: snapshots[0]!,
        framework: 'zero-trust',
        frameworkVersion: '1.0',
        results: [{ id: 'ZT-1', status: 'pass', score: 1, evidence: [] }],
      }),
    ).toBe(0);
    expect(
      (await repo.asOf(org.id, cluster.id, 'zero-trust', at(15))).map((r) => [
        r.id,
        r.status,
        r.snapshotId,
      ]),
    ).toEqual([
      ['ZT-1', 'waived', snapshots[1]],
      ['ZT-10', 'not-applicable', snapshots[1]],
    ]);
    expect(await repo.asOf(org.id, cluster.id, 'zero-trust', at(-1))).toEqual([]);
    expect(
      (
        await repo.trend(org.id, {
          clusterId: cluster.id,
          framework: 'zero-trust',
          controlId: 'ZT-1',
        })
      ).map((r) => r.status),
    ).toEqual(['fail', 'waived', 'pass']);
    // Retention of 15 days at day 25: the day-0 evaluation goes.
    await db.prisma.organization.update({
      where: { id: org.id },
      data: { complianceRetentionDays: 15 },
    });
    expect(await repo.prune(org.id, at(25))).toBe(2);
    expect(
      (
        await repo.trend(org.id, {
          clusterId: cluster.id,
          framework: 'zero-trust',
          controlId: 'ZT-1',
        })
      ).map((r) => r.status),
    ).toEqual(['waived', 'pass']);
  });
});
