import { createWebhookEvent } from './create-webhook-event';

describe('createWebhookEvent', () => {
  const org = '0b9d7c7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

  it('gives a new event a random id and the time it occurred', () => {
    const now = new Date('2024-05-01T12:00:00Z');
    const a = createWebhookEvent(org, 'alert.opened', { alertId: 'x' }, { now });
    const b = createWebhookEvent(org, 'alert.opened', { alertId: 'x' }, { now });
    expect(a).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'alert.opened',
      organizationId: org,
      occurredAt: '2024-05-01T12:00:00.000Z',
      data: { alertId: 'x' },
    });
    expect(a.id).not.toBe(b.id);
  });

  it('refuses what the contract refuses', () => {
    expect(() => createWebhookEvent('acme', 'alert.opened', {})).toThrow();
    expect(() => createWebhookEvent(org, 'alert.exploded' as 'alert.opened', {})).toThrow();
  });
});
