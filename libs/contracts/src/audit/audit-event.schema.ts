import { z } from 'zod';

/**
 * Every action the audit log records, `<noun>.<past participle>`: each is written in the
 * transaction of the change it records (README, "Audit events").
 */
export const AUDIT_ACTIONS = [
  'organization.bootstrapped',
  'api-key.created',
  'api-key.revoked',
  'cluster.created',
  'agent-token.created',
  'agent-token.revoked',
  'baseline.created',
  'baseline.version.created',
  'baseline.pinned',
  'promotion.requested',
  'promotion.rollback-requested',
  'promotion.approved',
  'promotion.rollback-applied',
  'promotion.rejected',
  'alert.acknowledged',
  'reference.accepted',
  'reference.set',
  'waiver.requested',
  'waiver.approved',
  'compliance.settings.updated',
  'evidence-pack.requested',
  'evidence-pack.built',
  'webhook.created',
  'webhook.deleted',
  'webhook.enabled',
  'webhook.disabled',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditActionSchema = z.enum(AUDIT_ACTIONS);

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Who an audit event names: a caller `api-key:<key id> (<key name>)`, or Fenceline itself
 * `system:<component>` (a lowercase, dash-separated component name). The same strings are a
 * version's author, a pin's `pinnedBy`, an acknowledgement's `acknowledgedBy`, a reference's
 * `acceptedBy`.
 *
 * @example auditActorSchema.parse('system:drift')
 */
export const auditActorSchema = z
  .string()
  .regex(
    new RegExp(`^(api-key:${UUID} \\(.+\\)|system:[a-z][a-z0-9]*(-[a-z0-9]+)*)$`),
    'must be api-key:<id> (<name>) or system:<component>',
  );
