import 'reflect-metadata';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { QUEUES } from '@fenceline/contracts';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { configureHttp } from '../http-setup';

type Line = Record<string, unknown>;

/** A pino destination that keeps every line and announces it, so tests wait for an event. */
class CapturedLog extends EventEmitter {
  readonly raw: string[] = [];
  write(line: string): void {
    this.raw.push(line);
    this.emit('line', JSON.parse(line) as Line);
  }
  lines(): Line[] {
    return this.raw.map((l) => JSON.parse(l) as Line);
  }
  /** Resolves with the first line (already written or to come) that `match` accepts. */
  next(match: (line: Line) => boolean): Promise<Line> {
    const found = this.lines().find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const listener = (line: Line): void => {
        if (!match(line)) return;
        this.off('line', listener);
        resolve(line);
      };
      this.on('line', listener);
    });
  }
}

const TOKEN = `flk_0a1b2c3d_${'Q'.repeat(43)}`;
const completed = (id: string) => (l: Line) => l['requestId'] === id && 'status' in l;

async function appWith(
  log: CapturedLog,
  env: Record<string, string> = {},
): Promise<INestApplication> {
  const config = loadConfig({
    DATABASE_URL:
      process.env['FENCELINE_TEST_DATABASE_URL'] ??
      'postgresql://postgres@127.0.0.1:5432/fenceline_test',
    REDIS_URL: process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `test-${randomUUID()}`,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forConfig(config, log)],
  }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttp(app, config);
  await app.init();
  return app;
}

async function closeApp(app: INestApplication | undefined): Promise<void> {
  if (!app) return;
  await app.get<Queue>(getQueueToken(QUEUES.analyze)).obliterate({ force: true });
  await app.close();
}

describe('request logs', () => {
  const log = new CapturedLog();
  let app: INestApplication;
  beforeAll(async () => {
    app = await appWith(log);
  });
  afterAll(() => closeApp(app));

  it('writes one JSON line per request with the request id, route, status and duration, and no credential', async () => {
    const res = await request(app.getHttpServer())
      .get('/v1/clusters/not-a-uuid')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Cookie', 'session=s3cr3t')
      .set('X-Request-Id', 'req-logging-1');
    expect(res.headers['x-request-id']).toBe('req-logging-1');
    const line = await log.next(completed('req-logging-1'));
    expect(line).toMatchObject({
      app: 'api',
      level: 'info',
      msg: 'request completed',
      requestId: 'req-logging-1',
      method: 'GET',
      route: '/v1/clusters/:id',
      path: '/v1/clusters/not-a-uuid',
      status: res.status,
    });
    expect(typeof line['durationMs']).toBe('number');
    expect(log.lines().filter(completed('req-logging-1'))).toHaveLength(1);
    const written = log.raw.join('');
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain('s3cr3t');
  });

  it('makes up a request id when the caller sends none or a bad one, and echoes it', async () => {
    const none = await request(app.getHttpServer()).get('/healthz');
    const bad = await request(app.getHttpServer())
      .get('/healthz')
      .set('X-Request-Id', 'two words; <b>');
    for (const res of [none, bad]) {
      const id = String(res.headers['x-request-id']);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await log.next(completed(id))).toMatchObject({ route: '/healthz', status: 200 });
    }
    expect(none.headers['x-request-id']).not.toBe(bad.headers['x-request-id']);
  });

  it('logs a body refused by the parser too, under its request id', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/clusters')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'req-bad-json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(await log.next(completed('req-bad-json'))).toMatchObject({ status: 400 });
  });
});

describe('unexpected errors and the request id', () => {
  it('answer the request id as correlation id, and log the error under it', async () => {
    const log = new CapturedLog();
    const broken = await appWith(log, {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/fenceline_no_such_database',
    });
    try {
      const res = await request(broken.getHttpServer())
        .get('/v1/clusters')
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('X-Request-Id', 'req-broken-1');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        code: 'INTERNAL',
        message: 'internal error',
        correlationId: 'req-broken-1',
      });
      expect(await log.next(completed('req-broken-1'))).toMatchObject({
        level: 'error',
        status: 500,
      });
      // The filter's own error line, written while handling the request, carries the same id.
      expect(
        await log.next(
          (l) => l['context'] === 'HttpErrorFilter' && l['requestId'] === 'req-broken-1',
        ),
      ).toMatchObject({ level: 'error', correlationId: 'req-broken-1' });
      expect(log.raw.join('')).not.toContain(TOKEN);
    } finally {
      await closeApp(broken);
    }
  });
});
