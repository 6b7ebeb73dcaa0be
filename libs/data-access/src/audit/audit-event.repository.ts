import type { Database } from '../database';
import { jsonObjectSchema, parseColumn } from '../stored-json';
import { pageArgs, pageOf, type Page, type PageRequest } from '../pagination/page';

/** The state of a target before or after a change, as its event records it (a JSON object). */
export type AuditState = Readonly<Record<string, unknown>>;

export interface AuditEvent {
  readonly id: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly before: AuditState | null;
  readonly after: AuditState | null;
  readonly at: Date;
}

export interface NewAuditEvent {
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly before?: object | null;
  readonly after?: object | null;
}

/** `AuditEvent.before` and `.after`: an object, or null (no state: created, deleted). */
const stateSchema = jsonObjectSchema.nullable();

/**
 * The audit log: append and read, nothing else. The database refuses UPDATE and DELETE on the
 * table as well (a trigger in the migrations), so no code path can rewrite history.
 */
export class AuditEventRepository {
  constructor(private readonly db: Database) {}

  async record(organizationId: string, event: NewAuditEvent): Promise<AuditEvent> {
    const row = await this.db.prisma.auditEvent.create({
      data: {
        organizationId,
        actor: event.actor,
        action: event.action,
        target: event.target,
        before: event.before ?? undefined,
        after: event.after ?? undefined,
      },
    });
    return toEvent(row);
  }

  /** One page of the log, oldest first, optionally from a time on. */
  async page(
    organizationId: string,
    filter: { since?: Date },
    page: PageRequest,
  ): Promise<Page<AuditEvent>> {
    const rows = await this.db.prisma.auditEvent.findMany({
      where: { organizationId, ...(filter.since ? { at: { gte: filter.since } } : {}) },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      ...pageArgs(page),
    });
    return pageOf(rows, page, toEvent);
  }

  async list(
    organizationId: string,
    options: { since?: Date; limit?: number } = {},
  ): Promise<AuditEvent[]> {
    const rows = await this.db.prisma.auditEvent.findMany({
      where: { organizationId, ...(options.since ? { at: { gte: options.since } } : {}) },
      orderBy: { at: 'asc' },
      take: Math.min(options.limit ?? 1000, 10_000),
    });
    return rows.map(toEvent);
  }
}

function toEvent(r: {
  id: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  at: Date;
}): AuditEvent {
  const at = (field: string) => ({ table: 'AuditEvent', id: r.id, field });
  return {
    id: r.id,
    actor: r.actor,
    action: r.action,
    target: r.target,
    before: parseColumn(stateSchema, r.before, at('before')),
    after: parseColumn(stateSchema, r.after, at('after')),
    at: r.at,
  };
}
