import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@fenceline/contracts';
import {
  actorOf,
  BaselineRepository,
  ClusterRepository,
  DataAccessError,
  EventPublisher,
  PromotionRepository,
  SnapshotRepository,
  type Page,
  type PageRequest,
  type Principal,
  type Promotion,
} from '@fenceline/data-access';
import { previewPromotion } from '@fenceline/drift';
import { contentOf } from '../baselines/baselines.service';
import { latestInventory } from '../baselines/cluster-inventory';
import { DriftTrigger } from './drift-trigger';
import type { ListPromotionsDto, RequestPromotionDto } from './dto/promotion.dto';

/** A promotion request as validated by the request schema: `rollback` promotes an earlier version; `immediate` (admin, with rollback) applies at once. */
export type PromotionRequest = RequestPromotionDto;

/** One target cluster's preview: the connectivity that would change and the guardrails that would newly fail. */
export interface ClusterPreview {
  readonly clusterId: string;
  readonly clusterName: string;
  readonly snapshotId: string | null;
  readonly connectivity: unknown[];
  readonly newlyFailingGuardrails: unknown[];
}

/**
 * dev → staging → prod: a version moves to an environment only from the one before it, by a
 * request that carries a preview for every target cluster, approved by an approver other than
 * the requester. Approval moves the pin and re-evaluates drift for the environment's clusters.
 */
@Injectable()
export class PromotionsService {
  constructor(
    @Inject(PromotionRepository) private readonly promotions: PromotionRepository,
    @Inject(BaselineRepository) private readonly baselines: BaselineRepository,
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @Inject(DriftTrigger) private readonly drift: DriftTrigger,
    @Inject(EventPublisher) private readonly events: EventPublisher,
  ) {}

  /** What a promotion would change, without requesting it: the same checks and the same preview. */
  async previewRequest(actor: Principal, input: PromotionRequest): Promise<ClusterPreview[]> {
    const { current, version, target } = await this.checked(actor, input);
    return this.preview(
      actor.organizationId,
      target.name,
      current ? contentOf(current.version) : undefined,
      contentOf(version),
    );
  }

  async request(actor: Principal, input: PromotionRequest): Promise<Promotion> {
    const org = actor.organizationId;
    const { current, version, target } = await this.checked(actor, input);
    const preview = await this.preview(
      org,
      target.name,
      current ? contentOf(current.version) : undefined,
      contentOf(version),
    );
    const actorRef = { id: actor.apiKeyId, display: actorOf(actor) };
    let promotion = await this.promotions.request(
      org,
      {
        baselineVersionId: version.id,
        environmentId: target.id,
        requestedBy: actor.apiKeyId,
        isRollback: input.rollback === true,
        preview,
      },
      actorRef,
    );
    if (input.immediate) {
      promotion = await this.promotions.decide(org, promotion.id, {
        approve: true,
        actor: actorRef,
        reason: 'immediate rollback by an admin',
        immediate: true,
      });
      await this.afterApply(actor, promotion);
    } else {
      await this.events.publish(org, 'promotion.requested', this.eventData(promotion));
    }
    return promotion;
  }

  /** The rules of a promotion request: no skipping, rollbacks to earlier versions, immediate only for admins. */
  private async checked(actor: Principal, input: PromotionRequest) {
    const org = actor.organizationId;
    const environments = await this.promotions.environments(org);
    const target = await this.promotions.environment(org, input.environment);
    const version = await this.baselines.requireVersion(org, input.baselineId, input.version);
    const pins = await this.promotions.pins(org, { baselineId: input.baselineId });
    const current = pins.find((p) => p.environmentId === target.id);
    const index = environments.findIndex((e) => e.id === target.id);
    if (input.immediate && !input.rollback)
      throw new DataAccessError('INVALID', 'only a rollback can be applied immediately');
    if (input.immediate && actor.role !== 'admin')
      throw new DomainError('FORBIDDEN', 'only an admin may roll back immediately');
    if (input.rollback) {
      if (!current || version.number >= current.version.number) {
        throw new DataAccessError(
          'INVALID',
          `a rollback promotes an earlier version than ${target.name} runs (${current ? `version ${current.version.number}` : 'none'})`,
        );
      }
    } else {
      if (index === 0)
        throw new DataAccessError(
          'INVALID',
          `${target.name} is the first environment: pin the version (POST /v1/baselines/${input.baselineId}/pins) instead`,
        );
      const previous = environments[index - 1];
      const fromPrevious = pins.find((p) => p.environmentId === previous?.id);
      if (!fromPrevious || fromPrevious.version.number !== version.number) {
        throw new DataAccessError(
          'INVALID',
          `version ${version.number} can be promoted to ${target.name} only from ${previous?.name}, which runs ${fromPrevious ? `version ${fromPrevious.version.number}` : 'no version'} (no skipping)`,
        );
      }
      if (current?.version.number === version.number)
        throw new DataAccessError(
          'CONFLICT',
          `${target.name} already runs version ${version.number}`,
        );
    }
    return { current, version, target };
  }

  async get(actor: Principal, id: string): Promise<Promotion> {
    const promotion = await this.promotions.get(actor.organizationId, id);
    if (!promotion) throw new DataAccessError('NOT_FOUND', `promotion ${id} not found`);
    return promotion;
  }

  /** One page of promotions, newest first (an unknown environment is INVALID). */
  async list(
    actor: Principal,
    filter: Omit<ListPromotionsDto, 'limit' | 'cursor'>,
    page: PageRequest,
  ): Promise<Page<Promotion>> {
    const environmentId = filter.environment
      ? (await this.promotions.environment(actor.organizationId, filter.environment)).id
      : undefined;
    return this.promotions.page(
      actor.organizationId,
      {
        ...(filter.status ? { status: filter.status } : {}),
        ...(environmentId ? { environmentId } : {}),
        ...(filter.baselineId ? { baselineId: filter.baselineId } : {}),
      },
      page,
    );
  }

  async decide(
    actor: Principal,
    id: string,
    approve: boolean,
    reason?: string,
  ): Promise<Promotion> {
    const promotion = await this.get(actor, id);
    if (promotion.requestedBy === actor.apiKeyId) {
      throw new DomainError(
        'SELF_APPROVAL',
        'a promotion is decided by an approver other than the requester',
      );
    }
    const decided = await this.promotions.decide(actor.organizationId, id, {
      approve,
      actor: { id: actor.apiKeyId, display: actorOf(actor) },
      ...(reason !== undefined ? { reason } : {}),
    });
    if (approve) await this.afterApply(actor, decided);
    else
      await this.events.publish(
        actor.organizationId,
        'promotion.rejected',
        this.eventData(decided),
      );
    return decided;
  }

  private async afterApply(actor: Principal, promotion: Promotion): Promise<void> {
    await this.drift.environment(
      actor.organizationId,
      promotion.environment,
      `promotion:${promotion.id}`,
    );
    await this.events.publish(
      actor.organizationId,
      'promotion.approved',
      this.eventData(promotion),
    );
  }

  private async preview(
    organizationId: string,
    environment: string,
    current: ReturnType<typeof contentOf> | undefined,
    candidate: ReturnType<typeof contentOf>,
  ): Promise<ClusterPreview[]> {
    const clusters = (await this.clusters.list(organizationId)).filter(
      (c) => c.environment === environment,
    );
    const previews: ClusterPreview[] = [];
    for (const cluster of clusters) {
      const latest = await latestInventory(this.snapshots, organizationId, cluster.id);
      if (!latest) {
        previews.push({
          clusterId: cluster.id,
          clusterName: cluster.name,
          snapshotId: null,
          connectivity: [],
          newlyFailingGuardrails: [],
        });
        continue;
      }
      const preview = previewPromotion(current, candidate, latest.inventory);
      previews.push({
        clusterId: cluster.id,
        clusterName: cluster.name,
        snapshotId: latest.snapshotId,
        connectivity: preview.connectivity ?? [],
        newlyFailingGuardrails: preview.newlyFailingGuardrails,
      });
    }
    return previews;
  }

  private eventData(p: Promotion): Record<string, unknown> {
    return {
      promotionId: p.id,
      baselineName: p.baselineName,
      version: p.version,
      environment: p.environment,
      requestedBy: p.requestedBy,
      decidedBy: p.decidedBy,
      reason: p.reason,
      isRollback: p.isRollback,
      status: p.status,
    };
  }
}
