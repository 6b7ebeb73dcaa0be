import type { Prisma } from '../generated/client';
import type { NewAuditEvent } from './audit-event.repository';

/** A Prisma transaction client: a change and its audit event are written through the same one. */
export type Transaction = Prisma.TransactionClient;

/** Appends an audit event inside the transaction of the change it records (never after it). */
export async function auditIn(
  tx: Transaction,
  organizationId: string,
  event: NewAuditEvent,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId,
      actor: event.actor,
      action: event.action,
      target: event.target,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
    },
  });
}
