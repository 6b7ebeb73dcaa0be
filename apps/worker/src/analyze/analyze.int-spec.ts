import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import {
  ANALYZE_JOB_OPTIONS,
  createSnapshot,
  QUEUES,
  snapshotContentHash,
} from '@fenceline/contracts';
import {
  bootstrapOrganization,
  ClusterRepository,
  Database,
  SnapshotRepository,
} from '@fenceline/data-access';
import { buildInventory, buildModel, loadPaths } from '@fenceline/netpol';
import { join } from 'node:path';
import { loadWorkerConfig } from '../config';
import { WorkerModule } from '../worker.module';

const databaseUrl =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const redisUrl = process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `test-${randomUUID()}`;
const connection = { url: redisUrl, maxRetriesPerRequest: null };

let worker: INestApplicationContext;
let queue: Queue;
let events: QueueEvents;
const db = new Database(databaseUrl);

beforeAll(async () => {
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forConfig(
      loadWorkerConfig({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix }),
    ),
    { logger: false },
  );
  queue = new Queue(QUEUES.analyze, { connection, prefix });
  events = new QueueEvents(QUEUES.analyze, { connection, prefix });
  await events.waitUntilReady();
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  // The analysis enqueues drift jobs (and drift may publish notify jobs): leave nothing in Redis.
  for (const name of [
    QUEUES.drift,
    QUEUES.compliance,
    QUEUES.export,
    QUEUES.notify,
    QUEUES.deliver,
    QUEUES.retention,
  ]) {
    const other = new Queue(name, { connection, prefix });
    await other.obliterate({ force: true });
    await other.close();
  }
  await events.close();
  await queue.close();
  await worker.close();
  await db.close();
});

const SHOP = join(__dirname, '../../../../libs/netpol/test/golden/shop/manifests');

/** A new organization whose cluster `name` has the shop manifests stored as a snapshot. */
async function storedShop(name: string) {
  const { organizationId } = await bootstrapOrganization(db, `worker-${randomUUID()}`);
  const cluster = await new ClusterRepository(db).create(organizationId, {
    name,
    environment: 'dev',
  });
  const inventory = buildInventory(loadPaths([SHOP]).objects);
  const snapshot = createSnapshot(inventory, {
    collectedAt: new Date(),
    source: { type: 'cluster' },
  });
  const repo = new SnapshotRepository(db);
  const { snapshotId } = await repo.store(
    organizationId,
    cluster.id,
    snapshot,
    snapshotContentHash(snapshot),
  );
  return { organizationId, cluster, inventory, snapshot, repo, snapshotId };
}

describe('analyze worker (BullMQ on Redis, PostgreSQL)', () => {
  it('analyses a stored snapshot: the stored connectivity is what the model computes, and a rerun changes nothing', async () => {
    const { organizationId, cluster, inventory, repo, snapshotId } = await storedShop('shop');

    const job = await queue.add(
      QUEUES.analyze,
      { organizationId, snapshotId },
      { ...ANALYZE_JOB_OPTIONS, jobId: snapshotId },
    );
    await job.waitUntilFinished(events, 30_000);
    // The same job id again is a no-op: BullMQ keeps the finished job under that id.
    const again = await queue.add(
      QUEUES.analyze,
      { organizationId, snapshotId },
      { ...ANALYZE_JOB_OPTIONS, jobId: snapshotId },
    );
    expect(again.id).toBe(job.id);

    const expected = buildModel(inventory)
      .connlist()
      .map((r) => ({ src: r.src, dst: r.dst, conn: r.conn.toString() }));
    const analysis = await repo.latestAnalysis(organizationId, cluster.id);
    expect(analysis?.connectivity).toEqual(expected);
    expect(analysis?.connectivity).toContainEqual({
      src: 'shop/web[Deployment]',
      dst: 'shop/db[StatefulSet]',
      conn: 'TCP 5432',
    });
    expect(analysis?.coverage).toMatchObject({
      totalPods: 3,
      ingressIsolatedPods: 2,
      egressIsolatedPods: 2,
    });
    expect((await repo.get(organizationId, snapshotId))?.status).toBe('analysed');
  });

  it('fails a snapshot whose stored payload is corrupt after one attempt, recorded on the snapshot', async () => {
    const { organizationId, cluster, snapshot, repo, snapshotId } = await storedShop('corrupt');
    // Stored valid, damaged afterwards: the pods are no longer a list.
    await db.prisma.snapshot.update({
      where: { id: snapshotId },
      data: { payload: { ...(snapshot as object), pods: 'not a list' } },
    });

    // The production options (5 attempts with backoff): the job must not use them up.
    const job = await queue.add(
      QUEUES.analyze,
      { organizationId, snapshotId },
      { ...ANALYZE_JOB_OPTIONS, jobId: snapshotId },
    );
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(
      /does not match the schema/,
    );
    const failed = await queue.getJob(snapshotId);
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.attemptsMade).toBe(1);
    const row = await db.prisma.snapshot.findUniqueOrThrow({ where: { id: snapshotId } });
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(
      new RegExp(`stored snapshot ${snapshotId} does not match the schema: pods`),
    );
    expect(await repo.latestAnalysis(organizationId, cluster.id)).toBeUndefined();
  });

  it('fails a job for a snapshot that does not exist and keeps it visible with its error', async () => {
    const { organizationId } = await bootstrapOrganization(db, `worker-${randomUUID()}`);
    const snapshotId = randomUUID();
    const job = await queue.add(
      QUEUES.analyze,
      { organizationId, snapshotId },
      { ...ANALYZE_JOB_OPTIONS, attempts: 1, jobId: snapshotId },
    );
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/not found/);
    const failed = await queue.getJob(snapshotId);
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.failedReason).toMatch(/snapshot .* not found/);
  });
});
