import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { QUEUES } from '@fenceline/contracts';
import { bootstrapOrganization, ClusterRepository, ComplianceResultRepository, Database, EvidencePackRepository } from '@fenceline/data-access';
import { verifyEvidencePack } from '@fenceline/reports';
import { loadWorkerConfig } from '../config';
import { WorkerModule } from '../worker.module';
import { ExportService } from './export.service';

const databaseUrl = process.env['FENCELINE_TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const redisUrl = process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `test-${randomUUID()}`;

let worker: INestApplicationContext;
const db = new Database(databaseUrl);

beforeAll(async () => {
  worker = await NestFactory.createApplicationContext(WorkerModule.forConfig(loadWorkerConfig({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix })), { logger: false });
});

afterAll(async () => {
  for (const name of Object.values(QUEUES)) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  await worker.close();
  await db.close();
});

describe('export worker (PostgreSQL)', () => {
  it('builds requested packs from stored results, each chained to the previous ready pack of its scope', async () => {
    const service = worker.get(ExportService);
    const { organizationId } = await bootstrapOrganization(db, `export-${randomUUID()}`);
    const cluster = await new ClusterRepository(db).create(organizationId, { name: 'prod-eu', environment: 'prod' });
    await new ComplianceResultRepository(db).record(organizationId, {
      clusterId: cluster.id,
      snapshotId: randomUUID(),
      framework: 'zero-trust',
      frameworkVersion: '1.0',
      results: [{ id: 'ZT-1', status: 'fail', score: 0.5, evidence: [{ status: 'fail', namespace: 'shop', workload: 'shop/db[StatefulSet]' }] }],
    });
    const packs = new EvidencePackRepository(db);
    const first = await packs.request(organizationId, { scope: 'zero-trust/fleet', framework: 'zero-trust', createdBy: 'alice' });
    const second = await packs.request(organizationId, { scope: 'zero-trust/fleet', framework: 'zero-trust', createdBy: 'alice' });
    const a = await service.build({ organizationId, packId: first.id }, true);
    const b = await service.build({ organizationId, packId: second.id }, true);
    expect([a.built, b.built]).toEqual([true, true]);
    expect(await service.build({ organizationId, packId: first.id }, true)).toEqual({ built: false });
    const [storedA, storedB] = await packs.list(organizationId, 'zero-trust/fleet');
    expect([storedA?.status, storedA?.previousSha256, storedB?.previousSha256]).toEqual(['ready', null, a.sha256]);
    const zip = (await packs.zip(organizationId, second.id))!;
    expect(verifyEvidencePack(zip, { previousPackSha256: a.sha256!, sha256: b.sha256! })).toEqual({ ok: true, problems: [] });

    // A scope without results: the pack fails with the reason (after the last attempt).
    const empty = await packs.request(organizationId, { scope: 'pci-dss/fleet', framework: 'pci-dss', createdBy: 'alice' });
    await expect(service.build({ organizationId, packId: empty.id }, true)).rejects.toThrow('no pci-dss results');
    expect(await packs.get(organizationId, empty.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('no pci-dss results') });
  });
});
