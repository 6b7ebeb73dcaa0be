import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import {
  createWebhookEvent,
  NOTIFY_JOB_OPTIONS,
  QUEUES,
  verifyWebhookSignature,
  type WebhookEventType,
} from '@fenceline/contracts';
import {
  AuditEventRepository,
  bootstrapOrganization,
  Database,
  EventPublisher,
  SecretBox,
  WebhookRepository,
  type WebhookDelivery,
} from '@fenceline/data-access';
import { loadWorkerConfig } from '../config';
import { NotifyModule } from './notify.module';

const databaseUrl =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const redisUrl = process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `test-${randomUUID()}`;
const connection = { url: redisUrl, maxRetriesPerRequest: null };
const secretsKey = randomBytes(32);
const MAX_ATTEMPTS = 3;

/** A local receiver: each path answers with the statuses queued for it (then 200), and keeps what it got. */
interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}
const received: Received[] = [];
const answers = new Map<string, number[]>();
const server: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const path = req.url ?? '/';
    received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    const queued = answers.get(path);
    const status = path.startsWith('/down')
      ? 503
      : path.startsWith('/redirect')
        ? 302
        : (queued?.shift() ?? 200);
    res
      .writeHead(status, status === 302 ? { location: '/ok' } : {})
      .end(status >= 400 ? 'receiver unhappy' : '');
  });
});
let base: string;

let worker: INestApplicationContext;
let notifyQueue: Queue;
let deliverQueue: Queue;
let deliverEvents: QueueEvents;
let notifyEvents: QueueEvents;
const db = new Database(databaseUrl);
const repo = new WebhookRepository(db, new SecretBox(secretsKey));
const audit = new AuditEventRepository(db);

/** The worker's Database, as WorkerModule provides it (globally) to its feature modules. */
@Global()
@Module({ providers: [{ provide: Database, useValue: db }], exports: [Database] })
class TestDatabaseModule {}

@Module({})
class NotifyTestRoot {}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadWorkerConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    SECRETS_KEY: secretsKey.toString('base64'),
    WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    WEBHOOK_BACKOFF_MS: '20',
    WEBHOOK_DISABLE_AFTER_FAILURES: '2',
  });
  // Only the notify feature, on the real queues and database (the other processors are tested on their own).
  worker = await NestFactory.createApplicationContext(
    {
      module: NotifyTestRoot,
      imports: [
        BullModule.forRoot({
          prefix: config.queuePrefix,
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        }),
        TestDatabaseModule,
        NotifyModule.forConfig(config),
      ],
    },
    { logger: false },
  );
  notifyQueue = new Queue(QUEUES.notify, { connection, prefix });
  deliverQueue = new Queue(QUEUES.deliver, { connection, prefix });
  deliverEvents = new QueueEvents(QUEUES.deliver, { connection, prefix });
  await deliverEvents.waitUntilReady();
  notifyEvents = new QueueEvents(QUEUES.notify, { connection, prefix });
  await notifyEvents.waitUntilReady();
});

afterAll(async () => {
  await notifyQueue.obliterate({ force: true });
  await deliverQueue.obliterate({ force: true });
  await deliverEvents.close();
  await notifyEvents.close();
  await notifyQueue.close();
  await deliverQueue.close();
  await worker.close();
  await db.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const newOrg = async () =>
  (await bootstrapOrganization(db, `notify-${randomUUID()}`)).organizationId;
const publish = (organizationId: string, type: WebhookEventType, data: Record<string, unknown>) =>
  worker.get(EventPublisher).publish(organizationId, type, data);
const at = (path: string) => received.filter((r) => r.path === path);

/** Polls until `probe` returns something defined (the worker runs on its own). */
async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The only delivery of a subscription, once it is no longer pending. */
const settled = (organizationId: string, subscriptionId: string, count = 1) =>
  eventually(async () => {
    const log = await repo.deliveries(organizationId, subscriptionId);
    return log.length === count && log.every((d) => d.status !== 'pending') ? log : undefined;
  }, `${count} settled deliveries of ${subscriptionId}`);

const alert = {
  alertId: 'a1',
  clusterName: 'prod-eu',
  environment: 'prod',
  baselineName: 'shop',
  kind: 'widened',
  severity: 'critical',
  subject: 'shop → payments',
  status: 'open',
};

describe('notify and deliver workers (BullMQ on Redis, PostgreSQL, a real HTTP receiver)', () => {
  it('delivers one event, signed, to the subscriptions that asked for it and to no other', async () => {
    const org = await newOrg();
    const path = `/ok-${randomUUID()}`;
    const other = `/other-${randomUUID()}`;
    const sub = await repo.create(org, { url: `${base}${path}`, events: ['alert.opened'] }, 'test');
    const promotions = await repo.create(
      org,
      { url: `${base}${other}`, events: ['promotion.approved'] },
      'test',
    );
    await publish(org, 'alert.opened', alert);

    const [delivery] = await settled(org, sub.id);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      eventType: 'alert.opened',
    });
    const [request] = at(path);
    expect(at(path)).toHaveLength(1);
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-fenceline-event': 'alert.opened',
      'x-fenceline-delivery': delivery!.id,
      'x-fenceline-timestamp': expect.stringMatching(/^\d{10}$/),
      'x-fenceline-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    expect(verifyWebhookSignature(sub.secret, request!.headers, request!.body)).toBe(true);
    expect(verifyWebhookSignature(promotions.secret, request!.headers, request!.body)).toBe(false);
    expect(JSON.parse(request!.body)).toEqual({
      id: delivery!.eventId,
      type: 'alert.opened',
      organizationId: org,
      occurredAt: expect.any(String),
      data: alert,
    });

    expect(await repo.deliveries(org, promotions.id)).toEqual([]);
    expect(at(other)).toEqual([]);
  });

  it('retries a failed try with backoff: 500 then 200 is exactly two attempts, delivered, both in the log', async () => {
    const org = await newOrg();
    const path = `/flaky-${randomUUID()}`;
    answers.set(path, [500]);
    const sub = await repo.create(org, { url: `${base}${path}`, events: ['alert.opened'] }, 'test');
    await publish(org, 'alert.opened', alert);

    const [delivery] = await settled(org, sub.id);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatusCode: 200,
      lastError: 'HTTP 500: receiver unhappy',
      deliveredAt: expect.any(Date),
    });
    const requests = at(path);
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => r.headers['x-fenceline-delivery'])).toEqual([
      delivery!.id,
      delivery!.id,
    ]);
    expect(requests.map((r) => r.body)).toEqual([requests[0]!.body, requests[0]!.body]);
    for (const r of requests)
      expect(verifyWebhookSignature(sub.secret, r.headers, r.body)).toBe(true);
    expect((await repo.get(org, sub.id))?.consecutiveFailures).toBe(0);
  });

  it('fails a delivery after the last attempt, and disables the subscription after the threshold of failed deliveries', async () => {
    const org = await newOrg();
    const path = `/down-${randomUUID()}`;
    const sub = await repo.create(
      org,
      { url: `${base}${path}`, events: ['alert.opened', 'alert.resolved'] },
      'test',
    );

    await publish(org, 'alert.opened', alert);
    const [first] = await settled(org, sub.id);
    expect(first).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastStatusCode: 503,
      lastError: 'HTTP 503: receiver unhappy',
      deliveredAt: null,
    });
    expect(at(path)).toHaveLength(MAX_ATTEMPTS);
    expect(await repo.get(org, sub.id)).toMatchObject({ active: true, consecutiveFailures: 1 });

    await publish(org, 'alert.resolved', { ...alert, status: 'resolved' });
    const log = await settled(org, sub.id, 2);
    expect(log.map((d: WebhookDelivery) => d.status)).toEqual(['failed', 'failed']);
    expect(at(path)).toHaveLength(2 * MAX_ATTEMPTS);
    const disabled = await repo.get(org, sub.id);
    expect(disabled).toMatchObject({
      active: false,
      consecutiveFailures: 2,
      disabledAt: expect.any(Date),
      disabledReason: '2 consecutive failed deliveries (last: HTTP 503: receiver unhappy)',
    });
    expect((await audit.list(org)).filter((e) => e.action === 'webhook.disabled')).toEqual([
      expect.objectContaining({
        actor: 'system:webhook-delivery',
        target: `webhook/${sub.id}`,
        after: expect.objectContaining({ active: false, consecutiveFailures: 2 }),
      }),
    ]);

    // Disabled: a later event creates no delivery at all (its fan-out, finished, found no subscription).
    const later = createWebhookEvent(org, 'alert.opened', alert);
    const fanOut = await notifyQueue.add(QUEUES.notify, later, {
      ...NOTIFY_JOB_OPTIONS,
      jobId: later.id,
    });
    expect(await fanOut.waitUntilFinished(notifyEvents, 10_000)).toEqual({
      subscriptions: 0,
      enqueued: 0,
    });
    expect(await repo.deliveries(org, sub.id)).toHaveLength(2);
    expect(at(path)).toHaveLength(2 * MAX_ATTEMPTS);
  });

  it('does not follow redirects: a 302 is a failed try', async () => {
    const org = await newOrg();
    const path = `/redirect-${randomUUID()}`;
    const sub = await repo.create(org, { url: `${base}${path}`, events: ['alert.opened'] }, 'test');
    await publish(org, 'alert.opened', alert);
    const [delivery] = await settled(org, sub.id);
    expect(delivery).toMatchObject({
      status: 'failed',
      lastStatusCode: 302,
      lastError: 'HTTP 302 (redirects are not followed)',
    });
    expect(at('/ok')).toEqual([]);
  });

  it('sends the Slack format as an incoming-webhook message, signed the same way', async () => {
    const org = await newOrg();
    const path = `/slack-${randomUUID()}`;
    const sub = await repo.create(
      org,
      { url: `${base}${path}`, events: ['alert.opened'], format: 'slack' },
      'test',
    );
    await publish(org, 'alert.opened', alert);
    await settled(org, sub.id);
    const [request] = at(path);
    expect(verifyWebhookSignature(sub.secret, request!.headers, request!.body)).toBe(true);
    const message = JSON.parse(request!.body);
    expect(message.text).toBe(
      ':rotating_light: *critical* drift on prod-eu (prod): shop → payments widened (baseline shop)',
    );
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: message.text },
    });
  });

  it('is idempotent: the same event twice fans out once, and a delivered delivery is never sent again', async () => {
    const org = await newOrg();
    const path = `/once-${randomUUID()}`;
    const sub = await repo.create(
      org,
      { url: `${base}${path}`, events: ['promotion.approved'] },
      'test',
    );
    const event = createWebhookEvent(org, 'promotion.approved', {
      promotionId: 'p1',
      baselineName: 'shop',
      version: 3,
      environment: 'prod',
      requestedBy: 'alice',
      decidedBy: 'bob',
    });
    await notifyQueue.add(QUEUES.notify, event, { ...NOTIFY_JOB_OPTIONS, jobId: event.id });
    const [delivery] = await settled(org, sub.id);
    // A new notify job for the same event (a producer retrying with another job id).
    const again = await notifyQueue.add(QUEUES.notify, event, {
      ...NOTIFY_JOB_OPTIONS,
      jobId: `${event.id}-again`,
    });
    // A stray deliver job for the delivered delivery.
    const stray = await deliverQueue.add(
      QUEUES.deliver,
      { organizationId: org, deliveryId: delivery!.id },
      { jobId: randomUUID() },
    );
    expect(await stray.waitUntilFinished(deliverEvents, 10_000)).toEqual({
      outcome: 'already-delivered',
    });
    // Its fan-out is over and found the delivery already made: nothing was enqueued to send.
    expect(await again.waitUntilFinished(notifyEvents, 10_000)).toEqual({
      subscriptions: 1,
      enqueued: 0,
    });
    expect(at(path)).toHaveLength(1);
    expect(await repo.deliveries(org, sub.id)).toEqual([
      expect.objectContaining({ id: delivery!.id, status: 'delivered', attempts: 1 }),
    ]);
  });

  it('fails a malformed notify job at once, without retries', async () => {
    const job = await notifyQueue.add(
      QUEUES.notify,
      { id: 'nope', type: 'alert.exploded' },
      { ...NOTIFY_JOB_OPTIONS, jobId: randomUUID() },
    );
    const failed = await eventually(
      async () =>
        (await job.getState()) === 'failed' ? await notifyQueue.getJob(job.id!) : undefined,
      'the failed job',
    );
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/^invalid webhook event: id: /);
  });
});
