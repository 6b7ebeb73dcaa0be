import type { Database } from '../database';
import { pageArgs, pageOf, type Page, type PageRequest } from '../pagination/page';

export interface AuditEvent {
  readonly id: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly at: Date;
}

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'>;

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
        before: event.before === undefined ? undefined : (event.before as object),
        after: event.after === undefined ? undefined : (event.after as object),
      },
    });
    return {
      id: row.id,
      actor: row.actor,
      action: row.action,
      target: row.target,
      before: row.before,
      after: row.after,
      at: row.at,
    };
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
  return {
    id: r.id,
    actor: r.actor,
    action: r.action,
    target: r.target,
    before: r.before,
    after: r.after,
    at: r.at,
  };
}
