import { Inject, Injectable } from '@nestjs/common';
import {
  AuditEventRepository,
  type Page,
  type PageRequest,
  type Principal,
} from '@fenceline/data-access';
import { toAuditEventModel, type AuditEventModel } from './models/audit-event.model';

/** The append-only audit log of the caller's organization (read only: nothing edits it). */
@Injectable()
export class AuditService {
  constructor(@Inject(AuditEventRepository) private readonly audit: AuditEventRepository) {}

  /** One page of events, oldest first, optionally from a time on. */
  async list(
    actor: Principal,
    filter: { since?: string | undefined },
    page: PageRequest,
  ): Promise<Page<AuditEventModel>> {
    const found = await this.audit.page(
      actor.organizationId,
      filter.since ? { since: new Date(filter.since) } : {},
      page,
    );
    return { items: found.items.map(toAuditEventModel), nextCursor: found.nextCursor };
  }
}
