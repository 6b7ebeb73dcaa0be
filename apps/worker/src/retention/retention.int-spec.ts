import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import {
  createSnapshot,
  QUEUES,
  RETENTION_SCHEDULER_ID,
  snapshotContentHash,
} from '@fenceline/contracts';
import {
  bootstrapOrganization,
  ClusterRepository,
  ComplianceResultRepository,
  Database,
  SnapshotRepository,
} from '@fenceline/data-access';
import { buildInventory } from '@fenceline/netpol';
import { loadWorkerConfig } from '../config';
import { WorkerModule } from '../worker.module';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../../test/test-worker';
import { RetentionProcessor } from './retention.processor';
import { RETENTION_CLOCK } from './retention.service';
import type { RetentionTotals } from './retention.service';

const DAY = 86_400_000;
const db = new Database(TEST_DATABASE_URL);
afterAll(() => db.close());

/** The whole worker under `prefix`, its retention clock at `now`. */
async function boot(
  prefix: string,
  env: Record<string, string> = {},
  now: () => Date = () => new Date(),
): Promise<TestingModule> {
  const config = loadWorkerConfig({
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const worker = await Test.createTestingModule({ imports: [WorkerModule.forConfig(config)] })
    .overrideProvider(RETENTION_CLOCK)
    .useValue(now)
    .compile();
  worker.useLogger(false);
  return worker.init();
}

async function obliterate(prefix: string): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    const queue = new Queue(name, { connection: { url: TEST_REDIS_URL }, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

describe('the retention job scheduler', () => {
  const prefix = `test-${randomUUID()}`;
  afterAll(() => obliterate(prefix));

  it('exists once however often workers boot, with one next run; a new schedule replaces it', async () => {
    const boots: Record<string, string>[] = [{}, {}, { RETENTION_SCHEDULE: '0 4 * * *' }];
    for (const env of boots) {
      const worker = await boot(prefix, env);
      await worker.close();
    }
    const queue = new Queue(QUEUES.retention, { connection: { url: TEST_REDIS_URL }, prefix });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toHaveLength(1);
      expect(schedulers[0]).toMatchObject({
        key: RETENTION_SCHEDULER_ID,
        pattern: '0 4 * * *',
        tz: 'UTC',
      });
      expect(await queue.getDelayedCount()).toBe(1);
    } finally {
      await queue.close();
    }
  });

  it('is daily by default', () => {
    expect(loadWorkerConfig({}).retentionSchedule).toBe('30 3 * * *');
    expect(() => loadWorkerConfig({ RETENTION_SCHEDULE: 'daily' })).toThrow(/RETENTION_SCHEDULE/);
  });
});

describe('a retention job', () => {
  const prefix = `test-${randomUUID()}`;
  const in200Days = new Date(Date.now() + 200 * DAY);
  let worker: TestingModule;
  beforeAll(async () => {
    worker = await boot(prefix, {}, () => in200Days);
  });
  afterAll(async () => {
    await obliterate(prefix);
    await worker?.close();
  });

  const snapshots = new SnapshotRepository(db);
  const results = new ComplianceResultRepository(db);
  const snapshotOf = (app: string) =>
    createSnapshot(
      buildInventory([
        {
          object: {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'web', namespace: 'shop', labels: { app } },
          },
        },
      ]),
      { collectedAt: '2026-11-26T00:00:00Z', source: { type: 'cluster' } },
    );

  async function seed() {
    const { organizationId } = await bootstrapOrganization(db, `retention-${randomUUID()}`);
    const cluster = await new ClusterRepository(db).create(organizationId, {
      name: 'c1',
      environment: 'dev',
    });
    const [older, newer] = [snapshotOf('v1'), snapshotOf('v2')];
    const a = await snapshots.store(organizationId, cluster.id, older, snapshotContentHash(older));
    const b = await snapshots.store(organizationId, cluster.id, newer, snapshotContentHash(newer));
    for (const daysAgo of [600, 10]) {
      await results.record(organizationId, {
        clusterId: cluster.id,
        snapshotId: randomUUID(),
        framework: 'zero-trust',
        frameworkVersion: '1.0',
        evaluatedAt: new Date(Date.now() - daysAgo * DAY),
        results: [{ id: 'ZT-1', status: 'pass', score: 1, evidence: [] }],
      });
    }
    return { organizationId, clusterId: cluster.id, older: a.snapshotId, newer: b.snapshotId };
  }

  it('deletes what is past retention in the organization it names, and nothing elsewhere', async () => {
    const target = await seed();
    const bystander = await seed();
    const processor = worker.get(RetentionProcessor);
    const queue = worker.get<Queue>(getQueueToken(QUEUES.retention));
    const job = await queue.add(QUEUES.retention, { organizationId: target.organizationId });
    const totals = await new Promise<RetentionTotals>((resolve, reject) => {
      processor.worker.on('completed', (done, value: RetentionTotals) => {
        if (done.id === job.id) resolve(value);
      });
      processor.worker.on('failed', (failed, error) => {
        if (failed?.id === job.id) reject(error);
      });
    });
    // 200 days on, with the default 90 / 730 days: the older snapshot (never the cluster's
    // newest) and the evaluation of 600 days ago are past retention.
    expect(totals).toEqual({ organizations: 1, snapshots: 1, complianceResults: 1 });
    expect(await snapshots.get(target.organizationId, target.older)).toBeUndefined();
    expect(await snapshots.get(target.organizationId, target.newer)).toBeDefined();
    const trend = (org: { organizationId: string; clusterId: string }) =>
      results.trend(org.organizationId, {
        clusterId: org.clusterId,
        framework: 'zero-trust',
        controlId: 'ZT-1',
      });
    expect(await trend(target)).toHaveLength(1);
    expect(await snapshots.get(bystander.organizationId, bystander.older)).toBeDefined();
    expect(await trend(bystander)).toHaveLength(2);
  });
});
