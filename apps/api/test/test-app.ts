import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '@fenceline/contracts';
import { bootstrapOrganization, Database } from '@fenceline/data-access';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config';
import { configureDocs } from '../src/docs';
import { configureHttp } from '../src/http-setup';

/** The API on the migrated test database (see libs/data-access/test/global-setup.js). */
export async function testApp(
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; db: Database; close(): Promise<void> }> {
  const databaseUrl =
    process.env['FENCELINE_TEST_DATABASE_URL'] ??
    'postgresql://postgres@127.0.0.1:5432/fenceline_test';
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `test-${randomUUID()}`,
    // Request logs would drown the test output; the logging spec reads them itself.
    LOG_LEVEL: 'silent',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forConfig(config)],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  configureHttp(app, config);
  configureDocs(app);
  await app.init();
  const db = new Database(databaseUrl);
  const close = async (): Promise<void> => {
    // Test queues have a prefix of their own: remove them so Redis keeps nothing of the run.
    for (const name of [QUEUES.analyze, QUEUES.drift, QUEUES.export, QUEUES.notify]) {
      await app.get<Queue>(getQueueToken(name), { strict: false }).obliterate({ force: true });
    }
    await app.close();
    await db.close();
  };
  return { app, db, close };
}

/** A new organization and its admin key. */
export function newTenant(db: Database): Promise<{ organizationId: string; apiKey: string }> {
  return bootstrapOrganization(db, `api-test-${randomUUID()}`);
}
