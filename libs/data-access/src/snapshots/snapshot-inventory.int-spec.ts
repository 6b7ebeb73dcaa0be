import { randomUUID } from 'node:crypto';
import { createSnapshot, snapshotContentHash } from '@fenceline/contracts';
import { buildInventory } from '@fenceline/netpol';
import { ClusterRepository } from '../clusters/cluster.repository';
import { newOrganization, testDatabase } from '../../test/test-database';
import { isCorruptData } from './snapshot-inventory';
import { SnapshotRepository } from './snapshot.repository';

const db = testDatabase();
afterAll(() => db.close());

const pod = {
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' } },
};

async function stored() {
  const org = await newOrganization(db);
  const cluster = await new ClusterRepository(db).create(org.id, {
    name: 'c1',
    environment: 'dev',
  });
  const snapshot = createSnapshot(buildInventory([pod]), {
    collectedAt: '2026-11-26T00:00:00Z',
    source: { type: 'cluster' },
  });
  const repo = new SnapshotRepository(db);
  const { snapshotId } = await repo.store(
    org.id,
    cluster.id,
    snapshot,
    snapshotContentHash(snapshot),
  );
  return { org, repo, snapshot, snapshotId };
}

describe('SnapshotRepository.inventory (PostgreSQL)', () => {
  it('reads a stored snapshot back as its parsed payload and inventory', async () => {
    const { org, repo, snapshot, snapshotId } = await stored();
    const loaded = await repo.inventory(org.id, snapshotId);
    expect(loaded?.snapshotId).toBe(snapshotId);
    expect(loaded?.snapshot.pods).toEqual(snapshot.pods);
    expect(loaded?.inventory.pods.map((p) => p.name)).toEqual(['web']);
  });

  it('is undefined for an unknown id and for another organization', async () => {
    const { repo, snapshotId } = await stored();
    const other = await newOrganization(db);
    expect(await repo.inventory(other.id, snapshotId)).toBeUndefined();
    expect(await repo.inventory(other.id, randomUUID())).toBeUndefined();
  });

  it('throws CORRUPT_DATA for a payload off the schema, and markFailed records why', async () => {
    const { org, repo, snapshot, snapshotId } = await stored();
    await db.prisma.snapshot.update({
      where: { id: snapshotId },
      data: { payload: { ...(snapshot as object), pods: 'not a list' } },
    });
    const error: unknown = await repo.inventory(org.id, snapshotId).catch((e: unknown) => e);
    expect(isCorruptData(error)).toBe(true);
    expect((error as Error).message).toContain(`stored snapshot ${snapshotId}`);
    await repo.markFailed(org.id, snapshotId, (error as Error).message);
    const row = await db.prisma.snapshot.findUniqueOrThrow({ where: { id: snapshotId } });
    expect(row).toMatchObject({ status: 'failed', error: (error as Error).message });
  });
});
