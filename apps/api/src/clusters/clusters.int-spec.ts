import request from 'supertest';
import { ApiKeyRepository, AuditEventRepository } from '@fenceline/data-access';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const http = () => request(env.app.getHttpServer());
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('/v1/clusters (NestJS over PostgreSQL)', () => {
  it('creates, lists and gets a cluster, and audits the creation', async () => {
    const { organizationId, apiKey } = await newTenant(env.db);
    const created = await http()
      .post('/v1/clusters')
      .set(auth(apiKey))
      .send({ name: 'prod-eu', environment: 'prod', labels: { region: 'eu' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'prod-eu',
      environment: 'prod',
      labels: { region: 'eu' },
      lastSnapshotAt: null,
      analysis: null,
    });
    const list = await http().get('/v1/clusters').set(auth(apiKey));
    expect(list.status).toBe(200);
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect((await http().get(`/v1/clusters/${created.body.id}`).set(auth(apiKey))).body).toEqual(
      created.body,
    );
    expect(
      (await new AuditEventRepository(env.db).list(organizationId)).map((e) => e.action),
    ).toEqual(['organization.bootstrapped', 'cluster.created']);
  });

  it('answers 404 to another organization for every route naming the cluster', async () => {
    const a = await newTenant(env.db);
    const b = await newTenant(env.db);
    const { body } = await http()
      .post('/v1/clusters')
      .set(auth(a.apiKey))
      .send({ name: 'c', environment: 'dev' });
    expect((await http().get(`/v1/clusters/${body.id}`).set(auth(b.apiKey))).status).toBe(404);
    expect(
      (await http().post(`/v1/clusters/${body.id}/agent-tokens`).set(auth(b.apiKey))).status,
    ).toBe(404);
    const token = await http().post(`/v1/clusters/${body.id}/agent-tokens`).set(auth(a.apiKey));
    expect(
      (
        await http()
          .delete(`/v1/clusters/${body.id}/agent-tokens/${token.body.id}`)
          .set(auth(b.apiKey))
      ).status,
    ).toBe(404);
    expect((await http().get('/v1/clusters').set(auth(b.apiKey))).body).toEqual([]);
  });

  it('issues and revokes agent tokens', async () => {
    const { apiKey } = await newTenant(env.db);
    const { body: cluster } = await http()
      .post('/v1/clusters')
      .set(auth(apiKey))
      .send({ name: 'c', environment: 'dev' });
    const token = await http().post(`/v1/clusters/${cluster.id}/agent-tokens`).set(auth(apiKey));
    expect(token.status).toBe(201);
    expect(token.body.token).toMatch(/^fla_/);
    expect(
      (
        await http()
          .delete(`/v1/clusters/${cluster.id}/agent-tokens/${token.body.id}`)
          .set(auth(apiKey))
      ).status,
    ).toBe(204);
  });

  it('rejects missing, unknown and revoked keys with 401, and a viewer creating a cluster with 403', async () => {
    const { organizationId, apiKey } = await newTenant(env.db);
    expect((await http().get('/v1/clusters')).status).toBe(401);
    expect(
      (
        await http()
          .get('/v1/clusters')
          .set(auth(`${apiKey}x`))
      ).status,
    ).toBe(401);
    const viewer = await new ApiKeyRepository(env.db).create(organizationId, {
      name: 'v',
      role: 'viewer',
    });
    expect((await http().get('/v1/clusters').set(auth(viewer.key))).status).toBe(200);
    const denied = await http()
      .post('/v1/clusters')
      .set(auth(viewer.key))
      .send({ name: 'x', environment: 'dev' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    await new ApiKeyRepository(env.db).revoke(organizationId, viewer.id);
    expect((await http().get('/v1/clusters').set(auth(viewer.key))).status).toBe(401);
  });

  it('answers bad input with 400 naming the field, a duplicate with 409, an unknown id with 404 — never 500', async () => {
    const { apiKey } = await newTenant(env.db);
    const bad = await http()
      .post('/v1/clusters')
      .set(auth(apiKey))
      .send({ name: 'Not_DNS', environment: 'dev', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['(body)', 'name']);
    expect(
      (await http().post('/v1/clusters').set(auth(apiKey)).send({ name: 'x', environment: 'qa' }))
        .status,
    ).toBe(400);
    await http().post('/v1/clusters').set(auth(apiKey)).send({ name: 'x', environment: 'dev' });
    expect(
      (await http().post('/v1/clusters').set(auth(apiKey)).send({ name: 'x', environment: 'dev' }))
        .status,
    ).toBe(409);
    expect((await http().get('/v1/clusters/not-a-uuid').set(auth(apiKey))).status).toBe(404);
    const malformed = await http()
      .post('/v1/clusters')
      .set(auth(apiKey))
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(malformed.status).toBe(400);
  });

  it('serves /healthz and /readyz without a key', async () => {
    expect((await http().get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await http().get('/readyz')).body).toEqual({
      status: 'ready',
      checks: { postgres: 'ok', redis: 'ok' },
    });
  });

  it('exposes Prometheus metrics, including the requests just made by route pattern', async () => {
    const { apiKey } = await newTenant(env.db);
    await http().get('/v1/clusters/not-a-uuid').set(auth(apiKey));
    const metrics = await http().get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain(
      'fenceline_http_request_duration_seconds_count{method="GET",route="/v1/clusters/:id",status="404"}',
    );
    expect(metrics.text).toContain('process_cpu_seconds_total');
  });
});

describe('OpenAPI', () => {
  it('serves the document at /docs-json with the key contract, and the UI at /docs', async () => {
    const doc = await http().get('/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths).sort()).toEqual(
      expect.arrayContaining([
        '/v1/clusters',
        '/v1/clusters/{id}',
        '/v1/clusters/{id}/agent-tokens',
        '/v1/clusters/{id}/agent-tokens/{tokenId}',
        '/v1/clusters/{id}/connectivity',
        '/v1/clusters/{id}/coverage',
        '/v1/agent/snapshots',
      ]),
    );
    expect(doc.body.paths['/v1/agent/snapshots'].post.responses).toHaveProperty('413');
    expect(
      doc.body.paths['/v1/clusters'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['name', 'environment']);
    expect((await http().get('/docs')).status).toBe(200);
  });
});

describe('unexpected errors', () => {
  it('answer 500 with a correlation id and nothing internal', async () => {
    const broken = await testApp({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/fenceline_no_such_database',
    });
    try {
      const res = await request(broken.app.getHttpServer())
        .get('/v1/clusters')
        .set('Authorization', 'Bearer flk_x_y');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        code: 'INTERNAL',
        message: 'internal error',
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect((await request(broken.app.getHttpServer()).get('/readyz')).status).toBe(503);
    } finally {
      await broken.close();
    }
  });
});
