import request from 'supertest';
import { testApp } from '../../test/test-app';

describe('/healthz and /readyz', () => {
  it('are up, with the documented shapes, when PostgreSQL and Redis answer', async () => {
    const env = await testApp();
    try {
      const http = () => request(env.app.getHttpServer());
      expect((await http().get('/healthz')).body).toEqual({ status: 'ok' });
      const ready = await http().get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
    } finally {
      await env.close();
    }
  });

  it('answer 503 naming Redis when it is unreachable, within the readiness timeout; liveness stays up', async () => {
    // Port 1 on loopback: nothing listens, every connection is refused.
    const env = await testApp({ REDIS_URL: 'redis://127.0.0.1:1', READINESS_TIMEOUT_MS: '300' });
    try {
      const http = () => request(env.app.getHttpServer());
      expect((await http().get('/healthz')).status).toBe(200);
      const ready = await http().get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        code: 'NOT_READY',
        message: 'Redis not reachable',
        checks: { postgres: 'ok', redis: 'down' },
        details: { redis: { status: 'down', message: expect.any(String) } },
      });
    } finally {
      // Not env.close(): emptying the queues needs the Redis that is missing.
      await env.app.close();
      await env.db.close();
    }
  });

  it('answer 503 naming PostgreSQL when the database is unreachable', async () => {
    const env = await testApp({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/fenceline_test',
      READINESS_TIMEOUT_MS: '300',
    });
    try {
      const ready = await request(env.app.getHttpServer()).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        code: 'NOT_READY',
        message: 'PostgreSQL not reachable',
        checks: { postgres: 'down', redis: 'ok' },
      });
    } finally {
      await env.close();
    }
  });
});
