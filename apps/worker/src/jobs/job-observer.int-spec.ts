import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Logger } from 'nestjs-pino';
import { QUEUES } from '@fenceline/contracts';
import { loadWorkerConfig } from '../config';
import { RetentionProcessor } from '../retention/retention.processor';
import { WorkerModule } from '../worker.module';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../../test/test-worker';

type Line = Record<string, unknown>;

describe('job logs', () => {
  const prefix = `test-${randomUUID()}`;
  const lines: Line[] = [];
  let worker: INestApplicationContext;
  beforeAll(async () => {
    const config = loadWorkerConfig({
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
    });
    const destination = { write: (line: string) => void lines.push(JSON.parse(line) as Line) };
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forConfig(config, destination)],
    }).compile();
    moduleRef.useLogger(moduleRef.get(Logger));
    worker = await moduleRef.init();
  });
  afterAll(async () => {
    for (const name of Object.values(QUEUES)) {
      const queue = new Queue(name, { connection: { url: TEST_REDIS_URL }, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await worker?.close();
  });

  /** Adds a retention job and resolves once the worker has finished it, either way. */
  async function run(data: unknown): Promise<string> {
    const processor = worker.get(RetentionProcessor);
    const queue = worker.get<Queue>(getQueueToken(QUEUES.retention));
    const job = await queue.add(QUEUES.retention, data);
    await new Promise<void>((resolve) => {
      const done = (finished: { id?: string } | undefined): void => {
        if (finished?.id !== job.id) return;
        processor.worker.off('completed', done);
        processor.worker.off('failed', done);
        resolve();
      };
      processor.worker.on('completed', done);
      processor.worker.on('failed', done);
    });
    return String(job.id);
  }

  it('logs the start and the completion of a job with queue, job id and duration, as JSON', async () => {
    const jobId = await run({ organizationId: randomUUID() });
    const ofJob = lines.filter((l) => l['jobId'] === jobId);
    expect(ofJob.map((l) => l['msg'])).toEqual(['job started', 'job completed']);
    expect(ofJob[0]).toMatchObject({
      app: 'worker',
      level: 'info',
      queue: 'retention',
      attempt: 1,
    });
    expect(ofJob[1]).toMatchObject({ level: 'info', queue: 'retention' });
    expect(typeof ofJob[1]?.['durationMs']).toBe('number');
  });

  it('logs a failed job at error level with the error', async () => {
    const jobId = await run({ organizationId: 'not-a-uuid' });
    const failed = lines.find((l) => l['jobId'] === jobId && l['msg'] === 'job failed');
    expect(failed).toMatchObject({ level: 'error', queue: 'retention', attempt: 1 });
    expect(failed?.['err']).toMatchObject({ message: expect.stringContaining('organizationId') });
  });
});
