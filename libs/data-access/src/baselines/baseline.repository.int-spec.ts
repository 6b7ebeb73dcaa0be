import { BaselineRepository } from './baseline.repository';
import { PromotionRepository } from './promotion.repository';
import { newOrganization, testDatabase } from '../../test/test-database';
import { DataAccessError } from '../data-access-error';

const db = testDatabase();
afterAll(() => db.close());

const content = (n: number) => ({
  scope: { namespaceSelector: {} },
  policies: [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `p${n}` },
      spec: { podSelector: {} },
    },
  ],
  guardrails: [],
});

const preview = {
  clusterId: 'c',
  clusterName: 'prod-eu',
  snapshotId: null,
  connectivity: [],
  newlyFailingGuardrails: [],
};

describe('BaselineRepository', () => {
  const repo = new BaselineRepository(db);

  it('numbers immutable versions and stores equal content once', async () => {
    const org = await newOrganization(db);
    const baseline = await repo.create(org.id, 'shop');
    await expect(repo.create(org.id, 'shop')).rejects.toMatchObject({ code: 'CONFLICT' });
    const v1 = await repo.addVersion(org.id, baseline.id, {
      content: content(1),
      contentHash: 'h1',
      author: 'alice',
      message: 'first',
    });
    const again = await repo.addVersion(org.id, baseline.id, {
      content: content(1),
      contentHash: 'h1',
      author: 'bob',
      message: 'same',
    });
    const v2 = await repo.addVersion(org.id, baseline.id, {
      content: {
        ...content(2),
        sensitive: { namespaceSelector: { matchLabels: { pci: 'true' } } },
      },
      contentHash: 'h2',
      author: 'bob',
      message: 'second',
    });
    expect([
      v1.version.number,
      v1.unchanged,
      again.version.number,
      again.unchanged,
      v2.version.number,
      v2.unchanged,
    ]).toEqual([1, false, 1, true, 2, false]);
    expect(again.version.author).toBe('alice');
    expect((await repo.requireVersion(org.id, baseline.id, 2)).content).toEqual({
      ...content(2),
      sensitive: { namespaceSelector: { matchLabels: { pci: 'true' } } },
    });
    expect((await repo.requireVersion(org.id, baseline.id, 1)).content).toEqual(content(1));
    expect((await repo.list(org.id, { name: 'shop' }))[0]?.latestVersion).toBe(2);
    expect((await repo.versions(org.id, baseline.id)).map((v) => v.message)).toEqual([
      'first',
      'second',
    ]);
  });

  it('hides another organization’s baselines', async () => {
    const a = await newOrganization(db);
    const b = await newOrganization(db);
    const baseline = await repo.create(a.id, 'x');
    expect(await repo.get(b.id, baseline.id)).toBeUndefined();
    await expect(
      repo.addVersion(b.id, baseline.id, {
        content: content(1),
        contentHash: 'h',
        author: 'm',
        message: 'm',
      }),
    ).rejects.toBeInstanceOf(DataAccessError);
  });
});

describe('PromotionRepository', () => {
  const baselines = new BaselineRepository(db);
  const repo = new PromotionRepository(db);
  const alice = { id: '00000000-0000-4000-8000-00000000000a', display: 'alice (key 00000000)' };
  const bob = { id: '00000000-0000-4000-8000-00000000000b', display: 'bob (key 00000000)' };

  it('pins, requests, and applies a promotion with the pin and audit events in one transaction', async () => {
    const org = await newOrganization(db);
    const envs = await repo.environments(org.id);
    expect(envs.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
    const baseline = await baselines.create(org.id, 'shop');
    const { version } = await baselines.addVersion(org.id, baseline.id, {
      content: content(1),
      contentHash: 'h1',
      author: 'alice',
      message: 'm',
    });
    await repo.pin(org.id, {
      environmentId: envs[0]!.id,
      baselineId: baseline.id,
      version,
      actor: alice,
    });
    const requested = await repo.request(
      org.id,
      {
        baselineVersionId: version.id,
        environmentId: envs[1]!.id,
        requestedBy: alice.id,
        isRollback: false,
        preview: [preview],
      },
      alice,
    );
    expect(requested).toMatchObject({
      status: 'requested',
      environment: 'staging',
      version: 1,
      baselineName: 'shop',
      preview: [preview],
    });
    const applied = await repo.decide(org.id, requested.id, {
      approve: true,
      actor: bob,
      reason: 'ok',
    });
    expect(applied).toMatchObject({ status: 'applied', decidedBy: bob.id, reason: 'ok' });
    await expect(
      repo.decide(org.id, requested.id, { approve: false, actor: bob, reason: 'late' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await repo.pins(org.id)).map((p) => `${p.environment}:${p.version.number}`)).toEqual([
      'dev:1',
      'staging:1',
    ]);
    const actions = (
      await db.prisma.auditEvent.findMany({
        where: { organizationId: org.id },
        orderBy: { at: 'asc' },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(['baseline.pinned', 'promotion.requested', 'promotion.approved']);
  });

  it('rejects without moving the pin', async () => {
    const org = await newOrganization(db);
    const envs = await repo.environments(org.id);
    const baseline = await baselines.create(org.id, 'shop');
    const { version } = await baselines.addVersion(org.id, baseline.id, {
      content: content(1),
      contentHash: 'h1',
      author: 'alice',
      message: 'm',
    });
    const requested = await repo.request(
      org.id,
      {
        baselineVersionId: version.id,
        environmentId: envs[1]!.id,
        requestedBy: alice.id,
        isRollback: false,
        preview: [],
      },
      alice,
    );
    expect(
      await repo.decide(org.id, requested.id, { approve: false, actor: bob, reason: 'not now' }),
    ).toMatchObject({ status: 'rejected', reason: 'not now' });
    expect(await repo.pins(org.id)).toEqual([]);
  });
});
