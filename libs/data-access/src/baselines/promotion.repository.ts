import type { Database } from '../database';
import { DataAccessError, isUuid } from '../data-access-error';
import { toVersion, type BaselineVersion } from './baseline.repository';
import {
  promotionInclude,
  promotionWhere,
  toPromotion,
  type Actor,
  type Environment,
  type NewPromotion,
  type Pin,
  type Promotion,
  type PromotionFilter,
  type PromotionRow,
} from './promotion.model';
import { pageArgs, pageOf, pageOfArray, type Page, type PageRequest } from '../pagination/page';

/**
 * Environments, the version each pins per baseline, and promotions between them. Every state
 * change and its audit event are written in one transaction: no pin moves without its record.
 */
export class PromotionRepository {
  constructor(private readonly db: Database) {}

  async environments(organizationId: string): Promise<Environment[]> {
    const rows = await this.db.prisma.environment.findMany({
      where: { organizationId },
      orderBy: { position: 'asc' },
    });
    return rows.map((r) => ({ id: r.id, name: r.name, position: r.position }));
  }

  async environment(organizationId: string, name: string): Promise<Environment> {
    const env = (await this.environments(organizationId)).find((e) => e.name === name);
    if (!env)
      throw new DataAccessError('INVALID', `environment ${JSON.stringify(name)} does not exist`);
    return env;
  }

  async pins(
    organizationId: string,
    filter: { environmentId?: string; baselineId?: string } = {},
  ): Promise<Pin[]> {
    const rows = await this.db.prisma.environmentPin.findMany({
      where: {
        organizationId,
        ...(filter.environmentId ? { environmentId: filter.environmentId } : {}),
        ...(filter.baselineId ? { baselineId: filter.baselineId } : {}),
      },
      include: { environment: true, baseline: true, baselineVersion: true },
      orderBy: [{ environment: { position: 'asc' } }, { baseline: { name: 'asc' } }],
    });
    return rows.map((r) => ({
      environment: r.environment.name,
      environmentId: r.environmentId,
      baselineId: r.baselineId,
      baselineName: r.baseline.name,
      version: toVersion(r.baselineVersion),
      pinnedBy: r.pinnedBy,
      pinnedAt: r.pinnedAt,
      promotionId: r.promotionId,
    }));
  }

  /** Pins a version directly (the first environment only; the caller checks), with its audit event. */
  async pin(
    organizationId: string,
    input: { environmentId: string; baselineId: string; version: BaselineVersion; actor: Actor },
  ): Promise<Pin> {
    const before = (
      await this.pins(organizationId, {
        environmentId: input.environmentId,
        baselineId: input.baselineId,
      })
    )[0];
    await this.db.prisma.$transaction(async (tx) => {
      await tx.environmentPin.upsert({
        where: {
          environmentId_baselineId: {
            environmentId: input.environmentId,
            baselineId: input.baselineId,
          },
        },
        create: {
          organizationId,
          environmentId: input.environmentId,
          baselineId: input.baselineId,
          baselineVersionId: input.version.id,
          pinnedBy: input.actor.display,
        },
        update: {
          baselineVersionId: input.version.id,
          pinnedBy: input.actor.display,
          pinnedAt: new Date(),
          promotionId: null,
        },
      });
      await tx.auditEvent.create({
        data: {
          organizationId,
          actor: input.actor.display,
          action: 'baseline.pinned',
          target: `baseline/${input.baselineId}/environment/${input.environmentId}`,
          before: before ? { version: before.version.number } : undefined,
          after: { version: input.version.number },
        },
      });
    });
    const pin = (
      await this.pins(organizationId, {
        environmentId: input.environmentId,
        baselineId: input.baselineId,
      })
    )[0];
    if (!pin) throw new Error('pin vanished');
    return pin;
  }

  async request(organizationId: string, input: NewPromotion, actor: Actor): Promise<Promotion> {
    const row = await this.db.prisma.$transaction(async (tx) => {
      const created = await tx.promotion.create({
        data: {
          organizationId,
          baselineVersionId: input.baselineVersionId,
          environmentId: input.environmentId,
          requestedBy: input.requestedBy,
          isRollback: input.isRollback,
          preview: input.preview as object,
        },
        include: promotionInclude,
      });
      await tx.auditEvent.create({
        data: {
          organizationId,
          actor: actor.display,
          action: input.isRollback ? 'promotion.rollback-requested' : 'promotion.requested',
          target: `promotion/${created.id}`,
          after: {
            baseline: created.baselineVersion.baseline.name,
            version: created.baselineVersion.number,
            environment: created.environment.name,
          },
        },
      });
      return created;
    });
    return toPromotion(row as PromotionRow);
  }

  async get(organizationId: string, id: string): Promise<Promotion | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.prisma.promotion.findFirst({
      where: { organizationId, id },
      include: promotionInclude,
    });
    return row ? toPromotion(row as PromotionRow) : undefined;
  }

  /** One page of the pins, by environment order then baseline name (a small list, paged in memory). */
  async pinsPage(
    organizationId: string,
    filter: { environmentId?: string; baselineId?: string },
    page: PageRequest,
  ): Promise<Page<Pin>> {
    return pageOfArray(
      await this.pins(organizationId, filter),
      page,
      (p) => `${p.environmentId}/${p.baselineId}`,
    );
  }

  /** One page of the promotions, newest first (every one reachable: no silent cut). */
  async page(
    organizationId: string,
    filter: PromotionFilter,
    page: PageRequest,
  ): Promise<Page<Promotion>> {
    const rows = await this.db.prisma.promotion.findMany({
      where: promotionWhere(organizationId, filter),
      include: promotionInclude,
      orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }],
      ...pageArgs(page),
    });
    return pageOf(rows, page, (r) => toPromotion(r as PromotionRow));
  }

  async list(organizationId: string, filter: PromotionFilter = {}): Promise<Promotion[]> {
    const rows = await this.db.prisma.promotion.findMany({
      where: promotionWhere(organizationId, filter),
      include: promotionInclude,
      orderBy: { requestedAt: 'desc' },
      take: 500,
    });
    return rows.map((r) => toPromotion(r as PromotionRow));
  }

  /**
   * Rejects a requested promotion, or approves and applies it: the pin moves to the version in
   * the same transaction. Only a promotion still `requested` can be decided (a concurrent
   * decision gets CONFLICT).
   */
  async decide(
    organizationId: string,
    id: string,
    decision: { approve: boolean; actor: Actor; reason?: string; immediate?: boolean },
  ): Promise<Promotion> {
    const promotion = await this.get(organizationId, id);
    if (!promotion) throw new DataAccessError('NOT_FOUND', `promotion ${id} not found`);
    const now = new Date();
    await this.db.prisma.$transaction(async (tx) => {
      const updated = await tx.promotion.updateMany({
        where: { id, organizationId, status: 'requested' },
        data: decision.approve
          ? {
              status: 'applied',
              decidedBy: decision.actor.id,
              decidedAt: now,
              appliedAt: now,
              reason: decision.reason ?? null,
            }
          : {
              status: 'rejected',
              decidedBy: decision.actor.id,
              decidedAt: now,
              reason: decision.reason ?? null,
            },
      });
      if (updated.count === 0)
        throw new DataAccessError(
          'CONFLICT',
          `promotion ${id} is ${promotion.status}, not requested`,
        );
      const target = `promotion/${id}`;
      if (!decision.approve) {
        await tx.auditEvent.create({
          data: {
            organizationId,
            actor: decision.actor.display,
            action: 'promotion.rejected',
            target,
            before: { status: 'requested' },
            after: { status: 'rejected', reason: decision.reason ?? null },
          },
        });
        return;
      }
      const before = await tx.environmentPin.findUnique({
        where: {
          environmentId_baselineId: {
            environmentId: promotion.environmentId,
            baselineId: promotion.baselineId,
          },
        },
        include: { baselineVersion: true },
      });
      await tx.environmentPin.upsert({
        where: {
          environmentId_baselineId: {
            environmentId: promotion.environmentId,
            baselineId: promotion.baselineId,
          },
        },
        create: {
          organizationId,
          environmentId: promotion.environmentId,
          baselineId: promotion.baselineId,
          baselineVersionId: promotion.baselineVersionId,
          pinnedBy: decision.actor.display,
          promotionId: id,
        },
        update: {
          baselineVersionId: promotion.baselineVersionId,
          pinnedBy: decision.actor.display,
          pinnedAt: now,
          promotionId: id,
        },
      });
      const action = decision.immediate ? 'promotion.rollback-applied' : 'promotion.approved';
      await tx.auditEvent.create({
        data: {
          organizationId,
          actor: decision.actor.display,
          action,
          target,
          before: { status: 'requested', pinnedVersion: before?.baselineVersion.number ?? null },
          after: {
            status: 'applied',
            pinnedVersion: promotion.version,
            environment: promotion.environment,
            ...(decision.reason ? { reason: decision.reason } : {}),
          },
        },
      });
    });
    return (await this.get(organizationId, id)) as Promotion;
  }
}
