import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { QUEUES } from '@fenceline/contracts';
import { Database } from '@fenceline/data-access';
import { loadWorkerConfig } from '../src/config';
import { WorkerModule } from '../src/worker.module';

export const TEST_DATABASE_URL =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
export const TEST_REDIS_URL = process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * The whole worker on the migrated test database and real Redis, under a queue prefix of its
 * own; `close()` removes every queue of that prefix, so Redis keeps nothing of the run.
 */
export async function testWorker(): Promise<{
  worker: INestApplicationContext;
  db: Database;
  prefix: string;
  close(): Promise<void>;
}> {
  const prefix = `test-${randomUUID()}`;
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forConfig(
      loadWorkerConfig({
        DATABASE_URL: TEST_DATABASE_URL,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
      }),
    ),
    { logger: false },
  );
  const db = new Database(TEST_DATABASE_URL);
  const close = async (): Promise<void> => {
    for (const name of Object.values(QUEUES)) {
      const queue = new Queue(name, { connection: { url: TEST_REDIS_URL }, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await worker.close();
    await db.close();
  };
  return { worker, db, prefix, close };
}
