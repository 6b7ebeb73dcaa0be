import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import request from 'supertest';
import { QUEUES } from '@fenceline/contracts';
import { loadWorkerConfig } from '../config';
import { RetentionProcessor } from '../retention/retention.processor';
import { WorkerModule } from '../worker.module';
import { startRedis, type RedisServer } from '../../test/redis-server';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../../test/test-worker';

/** The worker as its main.ts runs it (an HTTP app), on the test database and the given Redis. */
async function httpWorker(
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; prefix: string; close(): Promise<void> }> {
  const prefix = `test-${randomUUID()}`;
  const redisUrl = env['REDIS_URL'] ?? TEST_REDIS_URL;
  const config = loadWorkerConfig({
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [WorkerModule.forConfig(config)],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  await app.init();
  const close = async (): Promise<void> => {
    for (const name of Object.values(QUEUES)) {
      const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await app.close();
  };
  return { app, prefix, close };
}

/** The value of one sample in a Prometheus text exposition (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('the worker on its HTTP port', () => {
  let env: Awaited<ReturnType<typeof httpWorker>>;
  beforeAll(async () => {
    env = await httpWorker();
  });
  afterAll(() => env?.close());
  const http = () => request(env.app.getHttpServer());

  it('is live, and ready once PostgreSQL, Redis and every processor answer', async () => {
    expect((await http().get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await http().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      checks: { postgres: 'ok', redis: 'ok', processors: 'ok' },
    });
  });

  it('exposes queue depths per queue, job durations, and process metrics', async () => {
    const series =
      'fenceline_worker_job_duration_seconds_count{queue="retention",status="completed"}';
    const before = sample((await http().get('/metrics')).text, series);
    const worker = env.app.get(RetentionProcessor).worker;
    const completed = new Promise((resolve) => worker.once('completed', resolve));
    const queue = env.app.get<Queue>(getQueueToken(QUEUES.retention));
    // A retention pass over an organization that does not exist: a real job with nothing to do.
    await queue.add(QUEUES.retention, { organizationId: randomUUID() });
    await completed;
    const metrics = await http().get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(sample(metrics.text, series)).toBe(before + 1);
    for (const queueName of [QUEUES.analyze, QUEUES.drift, QUEUES.retention])
      for (const state of ['waiting', 'delayed', 'active', 'failed', 'completed'])
        expect(metrics.text).toContain(`bullmq_job_count{queue="${queueName}",state="${state}"}`);
    // The retention scheduler's next run waits in its queue.
    expect(sample(metrics.text, 'bullmq_job_count{queue="retention",state="delayed"}')).toBe(1);
    expect(metrics.text.match(/^# TYPE bullmq_job_count gauge$/gm)).toHaveLength(1);
    expect(metrics.text).not.toContain('bullmq_job_completed_total');
    expect(metrics.text).toContain('process_cpu_seconds_total');
  });
});

describe('readiness when Redis goes away', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it('answers 503 naming Redis while its Redis is down; liveness stays up', async () => {
    const env = await httpWorker({ REDIS_URL: redis.url, READINESS_TIMEOUT_MS: '300' });
    try {
      const http = () => request(env.app.getHttpServer());
      expect((await http().get('/readyz')).status).toBe(200);
      await redis.stop();
      const down = await http().get('/readyz');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        code: 'NOT_READY',
        message: 'Redis not reachable',
        checks: { postgres: 'ok', redis: 'down' },
      });
      expect((await http().get('/healthz')).status).toBe(200);
      // Back before closing: emptying the queues and closing the workers need their Redis.
      await redis.start();
    } finally {
      await env.close();
    }
  });
});
