import { randomBytes, randomUUID } from 'node:crypto';
import { createWebhookEvent } from '@fenceline/contracts';
import { AuditEventRepository } from '../audit/audit-event.repository';
import { newOrganization, testDatabase } from '../../test/test-database';
import { SecretBox } from './secret-box';
import { deliveryId } from './webhook.model';
import { WebhookRepository } from './webhook.repository';

const db = testDatabase();
afterAll(() => db.close());

describe('WebhookRepository (PostgreSQL)', () => {
  const box = new SecretBox(randomBytes(32));
  const repo = new WebhookRepository(db, box, { disableAfterFailures: 3 });
  const audit = new AuditEventRepository(db);
  const hook = {
    url: 'https://hooks.example.com/fenceline/T0K3N',
    events: ['alert.opened', 'alert.resolved'] as const,
  };

  it('shows the secret once, stores it sealed, and audits the creation without it', async () => {
    const org = await newOrganization(db);
    const created = await repo.create(
      org.id,
      { ...hook, events: ['alert.opened', 'alert.opened'] },
      'api-key/1',
    );
    expect(created).toMatchObject({
      url: hook.url,
      events: ['alert.opened'],
      format: 'json',
      active: true,
      consecutiveFailures: 0,
      createdBy: 'api-key/1',
    });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.webhookSubscription.findUniqueOrThrow({
      where: { id: created.id },
    });
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(created.secret);
    expect(await repo.list(org.id)).toEqual([
      expect.not.objectContaining({ secret: expect.anything() }),
    ]);
    expect(await repo.get(org.id, created.id)).not.toHaveProperty('secret');
    const events = await audit.list(org.id);
    expect(events).toEqual([
      expect.objectContaining({
        actor: 'api-key/1',
        action: 'webhook.created',
        target: `webhook/${created.id}`,
        after: {
          destination: 'https://hooks.example.com',
          events: ['alert.opened'],
          format: 'json',
        },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(created.secret);
    expect(JSON.stringify(events)).not.toContain('T0K3N');
  });

  it('keeps organizations apart: another organization finds, deletes and lists nothing', async () => {
    const org = await newOrganization(db);
    const other = await newOrganization(db);
    const created = await repo.create(org.id, hook, 'a');
    expect(await repo.get(other.id, created.id)).toBeUndefined();
    expect(await repo.get(org.id, 'not-a-uuid')).toBeUndefined();
    expect(await repo.list(other.id)).toEqual([]);
    await expect(repo.delete(other.id, created.id, 'b')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(repo.enable(other.id, created.id, 'b')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(repo.deliveries(other.id, created.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await repo.activeFor(other.id, 'alert.opened')).toEqual([]);
    const deleted = await repo.delete(org.id, created.id, 'a');
    expect(deleted.id).toBe(created.id);
    expect(await repo.list(org.id)).toEqual([]);
    expect((await audit.list(org.id)).map((e) => e.action)).toEqual([
      'webhook.created',
      'webhook.deleted',
    ]);
  });

  it('finds the active subscriptions asking for an event type', async () => {
    const org = await newOrganization(db);
    const alerts = await repo.create(org.id, hook, 'a');
    const promotions = await repo.create(
      org.id,
      { url: 'https://x.example.com', events: ['promotion.approved'], format: 'slack' },
      'a',
    );
    expect((await repo.activeFor(org.id, 'alert.opened')).map((s) => s.id)).toEqual([alerts.id]);
    expect(await repo.activeFor(org.id, 'promotion.approved')).toEqual([
      expect.objectContaining({ id: promotions.id, format: 'slack' }),
    ]);
    expect(await repo.activeFor(org.id, 'promotion.rejected')).toEqual([]);
  });

  it('creates one pending delivery per subscription and event, once, with the opened secret for the sender', async () => {
    const org = await newOrganization(db);
    const a = await repo.create(org.id, hook, 'x');
    const b = await repo.create(org.id, hook, 'x');
    const event = createWebhookEvent(org.id, 'alert.opened', { alertId: 'a1' });
    const first = await repo.createPendingDeliveries(org.id, event, [a.id, b.id]);
    const again = await repo.createPendingDeliveries(org.id, event, [a.id, b.id]);
    expect(first.map((d) => d.id).sort()).toEqual(
      [deliveryId(event.id, a.id), deliveryId(event.id, b.id)].sort(),
    );
    expect(again.map((d) => d.id).sort()).toEqual(first.map((d) => d.id).sort());
    expect(first[0]).toMatchObject({
      eventId: event.id,
      eventType: 'alert.opened',
      status: 'pending',
      attempts: 0,
      lastAttemptAt: null,
    });
    const target = await repo.deliveryTarget(org.id, deliveryId(event.id, a.id));
    expect(target).toMatchObject({
      event,
      subscription: { id: a.id, url: hook.url },
      secret: a.secret,
    });
    expect(
      await repo.deliveryTarget((await newOrganization(db)).id, deliveryId(event.id, a.id)),
    ).toBeUndefined();
  });

  it('records attempts, marks delivered once, and resets the failure count', async () => {
    const org = await newOrganization(db);
    const sub = await repo.create(org.id, hook, 'x');
    const [failed] = await repo.createPendingDeliveries(
      org.id,
      createWebhookEvent(org.id, 'alert.opened', {}),
      [sub.id],
    );
    await repo.recordAttempt(org.id, failed!.id, { statusCode: 500, error: 'HTTP 500' });
    await repo.markFailed(org.id, failed!.id, { reason: 'HTTP 500' });
    expect((await repo.get(org.id, sub.id))?.consecutiveFailures).toBe(1);

    const [delivery] = await repo.createPendingDeliveries(
      org.id,
      createWebhookEvent(org.id, 'alert.opened', {}),
      [sub.id],
    );
    await repo.recordAttempt(org.id, delivery!.id, { error: 'ECONNREFUSED' });
    await repo.recordAttempt(org.id, delivery!.id, { statusCode: 204 });
    await repo.markDelivered(org.id, delivery!.id);
    await repo.markDelivered(org.id, delivery!.id);
    await repo.markFailed(org.id, delivery!.id, { reason: 'late' });
    const log = await repo.deliveries(org.id, sub.id);
    expect(log.map((d) => d.id)).toEqual([delivery!.id, failed!.id]);
    expect(log[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatusCode: 204,
      lastError: 'ECONNREFUSED',
      deliveredAt: expect.any(Date),
      lastAttemptAt: expect.any(Date),
    });
    expect(log[1]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    });
    expect((await repo.get(org.id, sub.id))?.consecutiveFailures).toBe(0);
    expect(await repo.deliveries(org.id, sub.id, { limit: 1 })).toHaveLength(1);
  });

  it('disables a subscription after the threshold of consecutive failed deliveries, once, with a system audit event', async () => {
    const org = await newOrganization(db);
    const sub = await repo.create(org.id, hook, 'x');
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const [d] = await repo.createPendingDeliveries(
        org.id,
        createWebhookEvent(org.id, 'alert.opened', {}),
        [sub.id],
      );
      results.push(
        (await repo.markFailed(org.id, d!.id, { reason: `HTTP 503 #${i}` })).subscriptionDisabled,
      );
    }
    expect(results).toEqual([false, false, true, false]);
    const disabled = await repo.get(org.id, sub.id);
    expect(disabled).toMatchObject({
      active: false,
      consecutiveFailures: 4,
      disabledAt: expect.any(Date),
      disabledReason: '3 consecutive failed deliveries (last: HTTP 503 #2)',
    });
    expect(await repo.activeFor(org.id, 'alert.opened')).toEqual([]);
    const disabledEvents = (await audit.list(org.id)).filter(
      (e) => e.action === 'webhook.disabled',
    );
    expect(disabledEvents).toEqual([
      expect.objectContaining({
        actor: 'system:webhook-delivery',
        target: `webhook/${sub.id}`,
        before: { active: true },
      }),
    ]);

    const enabled = await repo.enable(org.id, sub.id, 'api-key/9');
    expect(enabled).toMatchObject({
      active: true,
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
    });
    await repo.enable(org.id, sub.id, 'api-key/9');
    expect((await audit.list(org.id)).filter((e) => e.action === 'webhook.enabled')).toEqual([
      expect.objectContaining({
        actor: 'api-key/9',
        before: { active: false, consecutiveFailures: 4, disabledReason: disabled?.disabledReason },
        after: { active: true, consecutiveFailures: 0 },
      }),
    ]);
  });

  it('does not count failures it is told not to, and forgets deliveries of a deleted subscription', async () => {
    const org = await newOrganization(db);
    const sub = await repo.create(org.id, hook, 'x');
    const [d] = await repo.createPendingDeliveries(
      org.id,
      createWebhookEvent(org.id, 'alert.opened', {}),
      [sub.id],
    );
    await repo.markFailed(org.id, d!.id, { reason: 'subscription disabled', counted: false });
    expect((await repo.delivery(org.id, d!.id))?.status).toBe('failed');
    expect((await repo.get(org.id, sub.id))?.consecutiveFailures).toBe(0);
    await repo.delete(org.id, sub.id, 'x');
    expect(await repo.delivery(org.id, d!.id)).toBeUndefined();
    expect(await repo.deliveryTarget(org.id, randomUUID())).toBeUndefined();
  });

  it('cannot open a secret sealed under another key', async () => {
    const org = await newOrganization(db);
    const sub = await repo.create(org.id, hook, 'x');
    const [d] = await repo.createPendingDeliveries(
      org.id,
      createWebhookEvent(org.id, 'alert.opened', {}),
      [sub.id],
    );
    const otherKey = new WebhookRepository(db, new SecretBox(randomBytes(32)));
    await expect(otherKey.deliveryTarget(org.id, d!.id)).rejects.toThrow(/another SECRETS_KEY/);
  });
});
