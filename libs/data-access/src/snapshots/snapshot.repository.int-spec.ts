import { createSnapshot, snapshotContentHash } from '@fenceline/contracts';
import { buildInventory } from '@fenceline/netpol';
import { ClusterRepository } from '../clusters/cluster.repository';
import { newOrganization, testDatabase } from '../../test/test-database';
import { SnapshotRepository } from './snapshot.repository';

const db = testDatabase();
afterAll(() => db.close());

const snapshotOf = (labels: Record<string, string>, collectedAt = '2026-11-26T00:00:00Z') =>
  createSnapshot(
    buildInventory([
      {
        object: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'web', namespace: 'shop', labels },
        },
      },
    ]),
    { collectedAt, source: { type: 'cluster' } },
  );

async function setup() {
  const org = await newOrganization(db);
  const cluster = await new ClusterRepository(db).create(org.id, {
    name: 'c1',
    environment: 'dev',
  });
  return { org, cluster, repo: new SnapshotRepository(db) };
}

describe('SnapshotRepository (PostgreSQL)', () => {
  it('stores a snapshot once per content: the same state pushed again is a duplicate', async () => {
    const { org, cluster, repo } = await setup();
    const first = snapshotOf({ app: 'web' });
    const again = snapshotOf({ app: 'web' }, '2026-11-26T00:05:00Z');
    const a = await repo.store(org.id, cluster.id, first, snapshotContentHash(first));
    const b = await repo.store(org.id, cluster.id, again, snapshotContentHash(again));
    expect(a.status).toBe('accepted');
    expect(b).toEqual({ snapshotId: a.snapshotId, status: 'duplicate' });
    const changed = snapshotOf({ app: 'web', tier: 'front' });
    const c = await repo.store(org.id, cluster.id, changed, snapshotContentHash(changed));
    expect(c.status).toBe('accepted');
    expect(c.snapshotId).not.toBe(a.snapshotId);
    expect((await repo.latest(org.id, cluster.id))?.id).toBe(c.snapshotId);
  });

  it('stores one row when the same content arrives concurrently', async () => {
    const { org, cluster, repo } = await setup();
    const snap = snapshotOf({ app: 'web' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        repo.store(org.id, cluster.id, snap, snapshotContentHash(snap)),
      ),
    );
    expect(new Set(results.map((r) => r.snapshotId)).size).toBe(1);
    expect(results.filter((r) => r.status === 'accepted').length).toBeLessThanOrEqual(1);
  });

  it('refuses to store for another organization’s cluster and hides snapshots across tenants', async () => {
    const { org, cluster, repo } = await setup();
    const other = await newOrganization(db);
    const snap = snapshotOf({ app: 'web' });
    await expect(
      repo.store(other.id, cluster.id, snap, snapshotContentHash(snap)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { snapshotId } = await repo.store(org.id, cluster.id, snap, snapshotContentHash(snap));
    expect(await repo.get(other.id, snapshotId)).toBeUndefined();
    expect(await repo.inventory(other.id, snapshotId)).toBeUndefined();
    expect((await repo.inventory(org.id, snapshotId))?.snapshot).toEqual(
      JSON.parse(JSON.stringify(snap)),
    );
  });

  it('saves an analysis idempotently: the same job twice leaves one analysis', async () => {
    const { org, cluster, repo } = await setup();
    const snap = snapshotOf({ app: 'web' });
    const { snapshotId } = await repo.store(org.id, cluster.id, snap, snapshotContentHash(snap));
    const analysis = {
      classCount: 1,
      connectivity: [
        { src: '0.0.0.0-255.255.255.255[External]', dst: 'shop/web[Pod]', conn: 'All Connections' },
      ],
      coverage: {
        totalPods: 1,
        ingressIsolatedPods: 0,
        egressIsolatedPods: 0,
        namespaces: [
          { namespace: 'shop', totalPods: 1, ingressIsolatedPods: 0, egressIsolatedPods: 0 },
        ],
      },
    };
    await repo.saveAnalysis(org.id, snapshotId, analysis);
    await repo.saveAnalysis(org.id, snapshotId, analysis);
    expect(await db.prisma.snapshotAnalysis.count({ where: { snapshotId } })).toBe(1);
    expect((await repo.get(org.id, snapshotId))?.status).toBe('analysed');
    expect(await repo.latestAnalysis(org.id, cluster.id)).toMatchObject({
      snapshotId,
      ...analysis,
      findings: [],
    });
    const other = await newOrganization(db);
    expect(await repo.latestAnalysis(other.id, cluster.id)).toBeUndefined();
  });

  it('prunes snapshots past retention but always keeps the newest of each cluster', async () => {
    const { org, cluster, repo } = await setup();
    const old = snapshotOf({ v: '1' });
    const newer = snapshotOf({ v: '2' });
    const a = await repo.store(org.id, cluster.id, old, snapshotContentHash(old));
    const b = await repo.store(org.id, cluster.id, newer, snapshotContentHash(newer));
    const in200Days = new Date(Date.now() + 200 * 86_400_000);
    expect(await repo.prune(org.id, cluster.id, in200Days)).toBe(1);
    expect(await repo.get(org.id, a.snapshotId)).toBeUndefined();
    expect(await repo.get(org.id, b.snapshotId)).toBeDefined();
  });
});
