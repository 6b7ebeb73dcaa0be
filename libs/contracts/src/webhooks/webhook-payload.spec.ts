import type { WebhookEvent, WebhookEventType } from './webhook-events';
import { slackMessage, webhookBody } from './webhook-payload';

const event = (type: WebhookEventType, data: Record<string, unknown>): WebhookEvent => ({
  id: '6f1c0a4e-2b7d-4c59-9f0e-3a1b2c3d4e5f',
  type,
  organizationId: '0b9d7c7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  occurredAt: '2024-05-01T12:00:00.000Z',
  data,
});

const alert = {
  alertId: 'a1',
  clusterId: 'c1',
  clusterName: 'prod-eu',
  environment: 'prod',
  baselineName: 'shop',
  baselineVersion: 3,
  kind: 'widened',
  severity: 'critical',
  subject: 'shop → payments',
  status: 'open',
};
const promotion = {
  promotionId: 'p1',
  baselineName: 'shop',
  version: 3,
  environment: 'prod',
  requestedBy: 'alice',
  isRollback: false,
};

describe('webhookBody', () => {
  it('is the event object as is for the json format', () => {
    const e = event('alert.opened', alert);
    expect(JSON.parse(webhookBody(e, 'json'))).toEqual(e);
  });

  it('is a Slack message { text, blocks } for the slack format', () => {
    const body = JSON.parse(webhookBody(event('alert.opened', alert), 'slack'));
    expect(Object.keys(body)).toEqual(['text', 'blocks']);
    expect(body.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: body.text } });
  });
});

describe('slackMessage', () => {
  it.each<[WebhookEventType, Record<string, unknown>, string]>([
    [
      'alert.opened',
      alert,
      ':rotating_light: *critical* drift on prod-eu (prod): shop → payments widened (baseline shop v3)',
    ],
    [
      'alert.opened',
      { ...alert, severity: 'warning', baselineVersion: undefined },
      ':warning: *warning* drift on prod-eu (prod): shop → payments widened (baseline shop)',
    ],
    [
      'alert.resolved',
      { ...alert, status: 'resolved' },
      ':white_check_mark: Resolved: *critical* drift on prod-eu (prod): shop → payments widened (baseline shop v3)',
    ],
    [
      'promotion.requested',
      { ...promotion, reason: 'release 42' },
      ':inbox_tray: Promotion requested by alice: baseline *shop* v3 → prod: “release 42”',
    ],
    [
      'promotion.approved',
      { ...promotion, decidedBy: 'bob' },
      ':white_check_mark: Promotion approved by bob: baseline *shop* v3 → prod (requested by alice)',
    ],
    [
      'promotion.rejected',
      { ...promotion, decidedBy: 'bob', isRollback: true, reason: 'not now' },
      ':no_entry: Promotion rejected by bob: baseline *shop* v3 → prod (rollback) (requested by alice): “not now”',
    ],
  ])('reads well for %s', (type, data, text) => {
    const message = slackMessage(event(type, data));
    expect(message.text).toBe(text);
    expect(message.blocks[1]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `\`${type}\` · 2024-05-01T12:00:00.000Z · event 6f1c0a4e-2b7d-4c59-9f0e-3a1b2c3d4e5f`,
        },
      ],
    });
  });

  it('escapes Slack control characters and shows missing fields as ?', () => {
    expect(
      slackMessage(event('alert.opened', { ...alert, clusterName: '<!channel> & co' })).text,
    ).toContain('drift on &lt;!channel&gt; &amp; co (prod)');
    expect(slackMessage(event('alert.resolved', {})).text).toBe(
      ':white_check_mark: Resolved: *?* drift on ? (?): ? ? (baseline ?)',
    );
  });
});
