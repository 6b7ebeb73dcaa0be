import { z } from 'zod';
import type { Database } from '../database';
import { parseColumn } from '../stored-json';
import { pageArgs, pageOf, type Page, type PageRequest } from '../pagination/page';
import { DataAccessError, isUuid } from '../data-access-error';

export interface WaiverScope {
  /** Cluster name; absent: every cluster. */
  readonly cluster?: string;
  readonly namespace?: string;
  /** The waived workloads' labels (all must match). */
  readonly workloadLabels?: Readonly<Record<string, string>>;
}

/** `Exception.scope`; other keys a later version may add are kept. */
const scopeSchema = z.looseObject({
  cluster: z.string().optional(),
  namespace: z.string().optional(),
  workloadLabels: z.record(z.string(), z.string()).optional(),
});

export interface Waiver {
  readonly id: string;
  readonly controlId: string;
  readonly scope: WaiverScope;
  readonly justification: string;
  readonly ticketUrl: string;
  readonly requestedBy: string;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  readonly expiresAt: Date;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

export interface NewWaiver {
  readonly controlId: string;
  readonly scope: WaiverScope;
  readonly justification: string;
  readonly ticketUrl: string;
  readonly expiresAt: Date;
}

/** Who acts: the API key id (decisions compare ids) and how the audit log names them. */
export interface WaiverActor {
  readonly id: string;
  readonly display: string;
}

/** The waiver report: what applies now, what expires within 14 days, what expired, what never applied. */
export interface WaiverReport {
  readonly active: readonly Waiver[];
  readonly expiringSoon: readonly Waiver[];
  readonly expired: readonly Waiver[];
  readonly unused: readonly Waiver[];
  readonly pending: readonly Waiver[];
}

const EXPIRING_WITHIN_MS = 14 * 24 * 3600 * 1000;

type Row = {
  id: string;
  controlId: string;
  scope: unknown;
  justification: string;
  ticketUrl: string;
  requestedBy: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  expiresAt: Date;
  createdAt: Date;
  lastUsedAt: Date | null;
};

function toWaiver(row: Row): Waiver {
  return {
    ...row,
    scope: parseColumn(scopeSchema, row.scope, { table: 'Exception', id: row.id, field: 'scope' }),
  };
}

/** Whether a waiver applies at `now`: approved and not yet expired. Expiry needs no job: it is a comparison. */
export function waiverApplies(
  waiver: Pick<Waiver, 'approvedBy' | 'expiresAt'>,
  now: Date,
): boolean {
  return waiver.approvedBy !== null && waiver.expiresAt.getTime() > now.getTime();
}

/**
 * Waivers of compliance controls (the `Exception` table): requested with a justification and a
 * ticket, approved by an approver other than the requester, expiring by themselves. Every step
 * is audited in the same transaction.
 */
export class WaiverRepository {
  constructor(private readonly db: Database) {}

  async request(
    organizationId: string,
    input: NewWaiver,
    actor: WaiverActor,
    now = new Date(),
  ): Promise<Waiver> {
    if (input.expiresAt.getTime() <= now.getTime())
      throw new DataAccessError('INVALID', 'expiresAt must be in the future');
    const row = await this.db.prisma.$transaction(async (tx) => {
      const created = await tx.exception.create({
        data: {
          organizationId,
          controlId: input.controlId,
          scope: input.scope as object,
          justification: input.justification,
          ticketUrl: input.ticketUrl,
          requestedBy: actor.id,
          expiresAt: input.expiresAt,
        },
      });
      await tx.auditEvent.create({
        data: {
          organizationId,
          actor: actor.display,
          action: 'waiver.requested',
          target: `waiver/${created.id}`,
          after: {
            controlId: input.controlId,
            scope: input.scope as object,
            ticketUrl: input.ticketUrl,
            expiresAt: input.expiresAt.toISOString(),
          },
        },
      });
      return created;
    });
    return toWaiver(row);
  }

  async get(organizationId: string, id: string): Promise<Waiver | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.prisma.exception.findFirst({ where: { organizationId, id } });
    return row ? toWaiver(row) : undefined;
  }

  /** Approves a pending, unexpired waiver; the requester cannot approve their own (FORBIDDEN is the caller's to map). */
  async approve(
    organizationId: string,
    id: string,
    actor: WaiverActor,
    now = new Date(),
  ): Promise<Waiver> {
    const waiver = await this.get(organizationId, id);
    if (!waiver) throw new DataAccessError('NOT_FOUND', `waiver ${id} not found`);
    if (waiver.requestedBy === actor.id)
      throw new DataAccessError(
        'CONFLICT',
        'a waiver is approved by an approver other than the requester',
      );
    if (waiver.expiresAt.getTime() <= now.getTime())
      throw new DataAccessError(
        'CONFLICT',
        `waiver ${id} expired on ${waiver.expiresAt.toISOString()}`,
      );
    await this.db.prisma.$transaction(async (tx) => {
      const updated = await tx.exception.updateMany({
        where: { id, organizationId, approvedBy: null },
        data: { approvedBy: actor.id, approvedAt: now },
      });
      if (updated.count === 0)
        throw new DataAccessError('CONFLICT', `waiver ${id} is already approved`);
      await tx.auditEvent.create({
        data: {
          organizationId,
          actor: actor.display,
          action: 'waiver.approved',
          target: `waiver/${id}`,
          before: { approved: false },
          after: { approved: true, controlId: waiver.controlId },
        },
      });
    });
    return (await this.get(organizationId, id)) as Waiver;
  }

  /** One page of the waivers, oldest first. */
  async page(organizationId: string, page: PageRequest): Promise<Page<Waiver>> {
    const rows = await this.db.prisma.exception.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(page),
    });
    return pageOf(rows, page, toWaiver);
  }

  async list(organizationId: string): Promise<Waiver[]> {
    const rows = await this.db.prisma.exception.findMany({
      where: { organizationId },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toWaiver);
  }

  /** The waivers that apply at `now` (approved, unexpired). */
  async active(organizationId: string, now = new Date()): Promise<Waiver[]> {
    return (await this.list(organizationId)).filter((w) => waiverApplies(w, now));
  }

  async markUsed(organizationId: string, ids: readonly string[], at = new Date()): Promise<void> {
    if (ids.length === 0) return;
    await this.db.prisma.exception.updateMany({
      where: { organizationId, id: { in: ids.filter(isUuid) } },
      data: { lastUsedAt: at },
    });
  }

  async report(organizationId: string, now = new Date()): Promise<WaiverReport> {
    const all = await this.list(organizationId);
    const active = all.filter((w) => waiverApplies(w, now));
    return {
      active,
      expiringSoon: active.filter(
        (w) => w.expiresAt.getTime() - now.getTime() <= EXPIRING_WITHIN_MS,
      ),
      expired: all.filter((w) => w.expiresAt.getTime() <= now.getTime()),
      unused: active.filter((w) => w.lastUsedAt === null),
      pending: all.filter((w) => w.approvedBy === null && w.expiresAt.getTime() > now.getTime()),
    };
  }
}
