import type { Database } from '../database';

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

  async list(
    organizationId: string,
    options: { since?: Date; limit?: number } = {},
  ): Promise<AuditEvent[]> {
    const rows = await this.db.prisma.auditEvent.findMany({
      where: { organizationId, ...(options.since ? { at: { gte: options.since } } : {}) },
      orderBy: { at: 'asc' },
      take: Math.min(options.limit ?? 1000, 10_000),
    });
    return rows.map((r) => ({
      id: r.id,
      actor: r.actor,
      action: r.action,
      target: r.target,
      before: r.before,
      after: r.after,
      at: r.at,
    }));
  }
}
