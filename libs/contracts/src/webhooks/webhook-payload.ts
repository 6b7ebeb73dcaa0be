import type { WebhookEvent } from './webhook-events';

/** How a subscription wants its events: Fenceline's event as JSON, or a Slack incoming-webhook message. */
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;

export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** A Slack Block Kit block, as far as these messages use it. */
export type SlackBlock =
  | { readonly type: 'section'; readonly text: { readonly type: 'mrkdwn'; readonly text: string } }
  | {
      readonly type: 'context';
      readonly elements: readonly { readonly type: 'mrkdwn'; readonly text: string }[];
    };

/** The body of a Slack incoming-webhook request: `text` is the notification fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/**
 * The exact body sent for an event: the event object as is (`json`) or a Slack message
 * (`slack`). Both are signed the same way (see `signWebhook`).
 *
 * @example webhookBody(event, 'json') // '{"id":"…","type":"alert.opened",…}'
 */
export function webhookBody(event: WebhookEvent, format: WebhookFormat): string {
  return JSON.stringify(format === 'slack' ? slackMessage(event) : event);
}

/**
 * A readable Slack message for each event type, e.g.
 * `:rotating_light: *critical* drift on prod-eu (prod): shop → payments widened (baseline shop v3)`.
 * Unknown or missing `data` fields show as `?` rather than failing the delivery.
 */
export function slackMessage(event: WebhookEvent): SlackMessage {
  const line = headline(event);
  return {
    text: line,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: line } },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `\`${event.type}\` · ${event.occurredAt} · event ${event.id}` },
        ],
      },
    ],
  };
}

function headline(event: WebhookEvent): string {
  const d = (key: string): string => escapeMrkdwn(text(event.data[key]) ?? '?');
  switch (event.type) {
    case 'alert.opened':
      return `${severityEmoji(text(event.data['severity']))} *${d('severity')}* drift on ${alertSubject(event, d)}`;
    case 'alert.resolved':
      return `:white_check_mark: Resolved: *${d('severity')}* drift on ${alertSubject(event, d)}`;
    case 'promotion.requested':
      return `:inbox_tray: Promotion requested by ${d('requestedBy')}: ${promotionSubject(event, d)}${reason(event)}`;
    case 'promotion.approved':
      return `:white_check_mark: Promotion approved by ${d('decidedBy')}: ${promotionSubject(event, d)} (requested by ${d('requestedBy')})${reason(event)}`;
    case 'promotion.rejected':
      return `:no_entry: Promotion rejected by ${d('decidedBy')}: ${promotionSubject(event, d)} (requested by ${d('requestedBy')})${reason(event)}`;
  }
}

/** `prod-eu (prod): shop → payments widened (baseline shop v3)` */
function alertSubject(event: WebhookEvent, d: (key: string) => string): string {
  const version = text(event.data['baselineVersion']);
  const baseline = `${d('baselineName')}${version ? ` v${escapeMrkdwn(version)}` : ''}`;
  return `${d('clusterName')} (${d('environment')}): ${d('subject')} ${d('kind')} (baseline ${baseline})`;
}

/** `baseline *shop* v3 → prod (rollback)` */
function promotionSubject(event: WebhookEvent, d: (key: string) => string): string {
  return `baseline *${d('baselineName')}* v${d('version')} → ${d('environment')}${event.data['isRollback'] === true ? ' (rollback)' : ''}`;
}

function reason(event: WebhookEvent): string {
  const value = text(event.data['reason']);
  return value ? `: “${escapeMrkdwn(value)}”` : '';
}

function severityEmoji(severity: string | undefined): string {
  if (severity === 'critical') return ':rotating_light:';
  if (severity === 'info' || severity === 'low') return ':information_source:';
  return ':warning:';
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Slack's three control characters in mrkdwn (https://api.slack.com/reference/surfaces/formatting#escaping). */
function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
