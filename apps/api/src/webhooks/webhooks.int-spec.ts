import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { NOTIFY_JOB_OPTIONS, QUEUES, webhookEventSchema } from '@fenceline/contracts';
import {
  ApiKeyRepository,
  AuditEventRepository,
  DEVELOPMENT_SECRETS_KEY,
  EventPublisher,
  SecretBox,
  WebhookRepository,
} from '@fenceline/data-access';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(async () => {
  await env.app.get<Queue>(getQueueToken(QUEUES.notify)).obliterate({ force: true });
  await env.close();
});

const http = () => request(env.app.getHttpServer());
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
const hook = {
  url: 'https://hooks.example.com/services/T000/B000/XXXX',
  events: ['alert.opened', 'promotion.approved'],
};
// The tests run without SECRETS_KEY: the API seals with the development key.
const repo = () =>
  new WebhookRepository(env.db, new SecretBox(DEVELOPMENT_SECRETS_KEY), {
    disableAfterFailures: 5,
  });

describe('/v1/webhooks (admin)', () => {
  it('creates a webhook with its secret shown once, lists and gets it without, deletes it; every change is audited without the secret', async () => {
    const { organizationId, apiKey } = await newTenant(env.db);
    const created = await http().post('/v1/webhooks').set(auth(apiKey)).send(hook);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      url: hook.url,
      events: hook.events,
      format: 'json',
      active: true,
      createdAt: expect.any(String),
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const { id, secret } = created.body as { id: string; secret: string };

    const listed = await http().get('/v1/webhooks').set(auth(apiKey));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id,
        url: hook.url,
        events: hook.events,
        format: 'json',
        active: true,
        consecutiveFailures: 0,
        disabledAt: null,
        disabledReason: null,
        createdAt: created.body.createdAt,
      },
    ]);
    expect((await http().get(`/v1/webhooks/${id}`).set(auth(apiKey))).body).toEqual(listed.body[0]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    expect((await http().delete(`/v1/webhooks/${id}`).set(auth(apiKey))).status).toBe(204);
    expect((await http().get(`/v1/webhooks/${id}`).set(auth(apiKey))).status).toBe(404);
    expect((await http().get('/v1/webhooks').set(auth(apiKey))).body).toEqual([]);

    const events = (await new AuditEventRepository(env.db).list(organizationId)).filter((e) =>
      e.action.startsWith('webhook.'),
    );
    expect(events.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['webhook.created', expect.stringMatching(/^api-key:[0-9a-f-]{36} \(/), `webhook/${id}`],
      ['webhook.deleted', expect.stringMatching(/^api-key:[0-9a-f-]{36} \(/), `webhook/${id}`],
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('takes the slack format and plain http to localhost', async () => {
    const { apiKey } = await newTenant(env.db);
    const created = await http()
      .post('/v1/webhooks')
      .set(auth(apiKey))
      .send({ url: 'http://127.0.0.1:9999/hook', events: ['alert.resolved'], format: 'slack' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: 'http://127.0.0.1:9999/hook', format: 'slack' });
  });

  it('answers bad input with 400 naming each field', async () => {
    const { apiKey } = await newTenant(env.db);
    const paths = async (body: unknown) => {
      const res = await http()
        .post('/v1/webhooks')
        .set(auth(apiKey))
        .send(body as object);
      expect(res.status).toBe(400);
      return (res.body.issues as { path: string }[]).map((i) => i.path).sort();
    };
    expect(await paths({ url: 'http://hooks.example.com/x', events: [] })).toEqual([
      'events',
      'url',
    ]);
    expect(
      await paths({ url: 'not a url', events: ['alert.exploded'], format: 'xml', extra: 1 }),
    ).toEqual(['(body)', 'events.0', 'format', 'url']);
    expect(await paths({ url: 'ftp://example.com', events: ['alert.opened'] })).toEqual(['url']);
    expect(await paths({})).toEqual(['events', 'url']);
    const badLimit = await http()
      .get('/v1/webhooks/00000000-0000-4000-8000-000000000000/deliveries?limit=0')
      .set(auth(apiKey));
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.issues).toEqual([expect.objectContaining({ path: 'limit' })]);
  });

  it('is admin only, and another organization’s webhooks are not found', async () => {
    const a = await newTenant(env.db);
    const b = await newTenant(env.db);
    const { body } = await http().post('/v1/webhooks').set(auth(a.apiKey)).send(hook);
    const approver = await new ApiKeyRepository(env.db).create(a.organizationId, {
      name: 'approver',
      role: 'approver',
    });
    for (const [method, path] of [
      ['get', '/v1/webhooks'],
      ['post', '/v1/webhooks'],
      ['get', `/v1/webhooks/${body.id}`],
      ['delete', `/v1/webhooks/${body.id}`],
      ['get', `/v1/webhooks/${body.id}/deliveries`],
      ['post', `/v1/webhooks/${body.id}/enable`],
    ] as const) {
      expect((await http()[method](path).set(auth(approver.key)).send(hook)).status).toBe(403);
      expect((await http()[method](path).send(hook)).status).toBe(401);
      if (path !== '/v1/webhooks')
        expect((await http()[method](path).set(auth(b.apiKey))).status).toBe(404);
    }
    expect((await http().get('/v1/webhooks/not-a-uuid').set(auth(a.apiKey))).status).toBe(404);
    expect((await http().get('/v1/webhooks').set(auth(b.apiKey))).body).toEqual([]);
    expect((await http().get(`/v1/webhooks/${body.id}`).set(auth(a.apiKey))).status).toBe(200);
  });

  it('shows the delivery log, and re-enables a webhook disabled after failed deliveries', async () => {
    const { organizationId, apiKey } = await newTenant(env.db);
    const { body } = await http().post('/v1/webhooks').set(auth(apiKey)).send(hook);
    const webhooks = repo();
    for (let i = 0; i < 5; i++) {
      const event = webhookEventSchema.parse({
        id: randomUUID(),
        type: 'alert.opened',
        organizationId,
        occurredAt: new Date().toISOString(),
        data: {},
      });
      const [delivery] = await webhooks.createPendingDeliveries(organizationId, event, [body.id]);
      await webhooks.recordAttempt(organizationId, delivery!.id, {
        statusCode: 503,
        error: 'HTTP 503',
      });
      await webhooks.markFailed(organizationId, delivery!.id, { reason: 'HTTP 503' });
    }
    const disabled = await http().get(`/v1/webhooks/${body.id}`).set(auth(apiKey));
    expect(disabled.body).toMatchObject({
      active: false,
      consecutiveFailures: 5,
      disabledAt: expect.any(String),
      disabledReason: '5 consecutive failed deliveries (last: HTTP 503)',
    });

    const log = await http().get(`/v1/webhooks/${body.id}/deliveries`).set(auth(apiKey));
    expect(log.status).toBe(200);
    expect(log.body).toHaveLength(5);
    expect(log.body[0]).toEqual({
      id: expect.any(String),
      eventId: expect.any(String),
      event: 'alert.opened',
      status: 'failed',
      attempts: 1,
      lastStatusCode: 503,
      lastError: 'HTTP 503',
      lastAttemptAt: expect.any(String),
      createdAt: expect.any(String),
      deliveredAt: null,
    });
    expect(
      (await http().get(`/v1/webhooks/${body.id}/deliveries?limit=2`).set(auth(apiKey))).body,
    ).toHaveLength(2);

    const enabled = await http().post(`/v1/webhooks/${body.id}/enable`).set(auth(apiKey));
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({
      id: body.id,
      active: true,
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
    });
    const actions = (await new AuditEventRepository(env.db).list(organizationId)).map(
      (e) => `${e.actor.replace(/:.*/, '')} ${e.action}`,
    );
    expect(actions.filter((a) => a.includes('webhook.'))).toEqual([
      'api-key webhook.created',
      'system webhook.disabled',
      'api-key webhook.enabled',
    ]);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await http().get('/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/webhooks',
        '/v1/webhooks/{id}',
        '/v1/webhooks/{id}/deliveries',
        '/v1/webhooks/{id}/enable',
      ]),
    );
    expect(
      doc.body.paths['/v1/webhooks'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['url', 'events']);
  });
});

describe('EventPublisher', () => {
  it('adds the event to the notify queue, job id = event id, with the notify job options', async () => {
    const { organizationId } = await newTenant(env.db);
    await env.app
      .get(EventPublisher)
      .publish(organizationId, 'promotion.requested', { promotionId: 'p1' });
    const queue = env.app.get<Queue>(getQueueToken(QUEUES.notify));
    const jobs = (await queue.getJobs(['waiting', 'active', 'completed', 'failed'])).filter(
      (j) => j.data.organizationId === organizationId,
    );
    expect(jobs).toHaveLength(1);
    const event = webhookEventSchema.parse(jobs[0]!.data);
    expect(event).toMatchObject({
      type: 'promotion.requested',
      organizationId,
      data: { promotionId: 'p1' },
    });
    expect(jobs[0]!.id).toBe(event.id);
    expect(jobs[0]!.opts).toMatchObject({
      attempts: NOTIFY_JOB_OPTIONS.attempts,
      backoff: NOTIFY_JOB_OPTIONS.backoff,
    });
  });
});
