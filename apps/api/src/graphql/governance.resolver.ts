import { Inject, UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import {
  actorOf,
  AuditEventRepository,
  DataAccessError,
  DriftAlertRepository,
  type DriftAlert,
  type Pin,
  type Principal,
  type Promotion,
} from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { alertFilterSchema } from '../alerts/alerts.controller';
import { ReferencesService } from '../alerts/references.service';
import { BaselinesService } from '../baselines/baselines.service';
import { ZodBody } from '../errors/zod-body.pipe';
import { PromotionsService } from '../promotions/promotions.service';
import {
  AlertFilterInput,
  AuditEventType,
  BaselineType,
  BaselineVersionType,
  DriftAlertType,
  PinType,
  PromotionInput,
  PromotionType,
} from './governance.model';

const json = (value: unknown): string => JSON.stringify(value ?? null);
const toPin = (p: Pin): PinType => ({
  environment: p.environment,
  baselineId: p.baselineId,
  baselineName: p.baselineName,
  version: p.version.number,
  pinnedBy: p.pinnedBy,
  pinnedAt: p.pinnedAt.toISOString(),
});
const toPromotion = (p: Promotion): PromotionType => ({
  id: p.id,
  baselineId: p.baselineId,
  baselineName: p.baselineName,
  version: p.version,
  environment: p.environment,
  status: p.status,
  isRollback: p.isRollback,
  requestedBy: p.requestedBy,
  requestedAt: p.requestedAt.toISOString(),
  decidedBy: p.decidedBy,
  reason: p.reason,
  previewJson: json(p.preview),
});
const toAlert = (a: DriftAlert): DriftAlertType => ({
  id: a.id,
  clusterId: a.clusterId,
  clusterName: a.clusterName,
  environment: a.environment,
  baselineName: a.baselineName,
  baselineVersion: a.baselineVersion,
  kind: a.kind,
  severity: a.severity,
  subject: a.subject,
  fingerprint: a.fingerprint,
  status: a.status,
  firstSeenAt: a.firstSeenAt.toISOString(),
  lastSeenAt: a.lastSeenAt.toISOString(),
  acknowledgedBy: a.acknowledgedBy,
  acknowledgeComment: a.acknowledgeComment,
  evidenceJson: json(a.evidence),
});

/** Baselines, promotions, alerts and the audit log in GraphQL, through the same services as REST. */
@Resolver()
@UseGuards(ApiKeyGuard)
export class GovernanceResolver {
  constructor(
    @Inject(BaselinesService) private readonly baselineService: BaselinesService,
    @Inject(PromotionsService) private readonly promotionService: PromotionsService,
    @Inject(DriftAlertRepository) private readonly alertRepository: DriftAlertRepository,
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
    @Inject(ReferencesService) private readonly referenceService: ReferencesService,
  ) {}

  @Query(() => String, {
    description:
      'the semantic diff of two versions (JSON): policies and guardrails changed; with clusterId, the connectivity that changes on its newest inventory',
  })
  @RequireRole('viewer')
  async baselineVersionDiff(
    @CurrentPrincipal() actor: Principal,
    @Args('baselineId', { type: () => ID }) baselineId: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
    @Args('clusterId', { type: () => ID, nullable: true }) clusterId?: string,
  ): Promise<string> {
    return json(
      await this.baselineService.diff(actor, baselineId, from, to, clusterId ?? undefined),
    );
  }

  @Mutation(() => String, {
    description:
      'accept the cluster’s current connectivity as its reference under the baseline (JSON of the new reference)',
  })
  @RequireRole('editor')
  async acceptConnectivity(
    @CurrentPrincipal() actor: Principal,
    @Args('clusterId', { type: () => ID }) clusterId: string,
    @Args('baselineId', { type: () => ID }) baselineId: string,
    @Args('comment', { type: () => String }) comment: string,
  ): Promise<string> {
    const { comment: checked } = new ZodBody(
      z.strictObject({ comment: z.string().min(1).max(2000) }),
    ).transform({ comment });
    return json(await this.referenceService.accept(actor, clusterId, baselineId, checked));
  }

  @Query(() => [BaselineType])
  @RequireRole('viewer')
  baselines(
    @CurrentPrincipal() actor: Principal,
    @Args('name', { type: () => String, nullable: true }) name?: string,
  ): Promise<BaselineType[]> {
    return this.baselineService.list(actor, name ?? undefined);
  }

  @Query(() => [BaselineVersionType])
  @RequireRole('viewer')
  async baselineVersions(
    @CurrentPrincipal() actor: Principal,
    @Args('baselineId', { type: () => ID }) baselineId: string,
  ): Promise<BaselineVersionType[]> {
    return (await this.baselineService.versions(actor, baselineId)).map((v) => ({
      id: v.id,
      number: v.number,
      contentHash: v.contentHash,
      author: v.author,
      message: v.message,
      createdAt: v.createdAt.toISOString(),
    }));
  }

  @Query(() => [PinType])
  @RequireRole('viewer')
  async pins(@CurrentPrincipal() actor: Principal): Promise<PinType[]> {
    return (await this.baselineService.pins(actor)).map(toPin);
  }

  @Query(() => [PromotionType])
  @RequireRole('viewer')
  async promotions(
    @CurrentPrincipal() actor: Principal,
    @Args('status', { type: () => String, nullable: true }) status?: string,
  ): Promise<PromotionType[]> {
    const parsed = new ZodBody(
      z.strictObject({
        status: z.enum(['requested', 'approved', 'rejected', 'applied']).optional(),
      }),
    ).transform({ status: status ?? undefined });
    return (
      await this.promotionService.list(actor, parsed.status ? { status: parsed.status } : {})
    ).map(toPromotion);
  }

  @Query(() => [DriftAlertType])
  @RequireRole('viewer')
  async alerts(
    @CurrentPrincipal() actor: Principal,
    @Args('filter', { type: () => AlertFilterInput, nullable: true }) filter?: AlertFilterInput,
  ): Promise<DriftAlertType[]> {
    const parsed = new ZodBody(alertFilterSchema).transform(
      Object.fromEntries(
        Object.entries({ ...(filter ?? {}) }).filter(([, v]) => v !== null && v !== undefined),
      ),
    );
    return (await this.alertRepository.list(actor.organizationId, parsed)).map(toAlert);
  }

  @Query(() => [AuditEventType])
  @RequireRole('viewer')
  async auditEvents(
    @CurrentPrincipal() actor: Principal,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ): Promise<AuditEventType[]> {
    const events = await this.audit.list(actor.organizationId, limit ? { limit } : {});
    return events.map((e) => ({
      id: e.id,
      actor: e.actor,
      action: e.action,
      target: e.target,
      beforeJson: e.before === null ? null : json(e.before),
      afterJson: e.after === null ? null : json(e.after),
      at: e.at.toISOString(),
    }));
  }

  @Mutation(() => BaselineType)
  @RequireRole('editor')
  createBaseline(
    @CurrentPrincipal() actor: Principal,
    @Args('name', { type: () => String }) name: string,
  ): Promise<BaselineType> {
    return this.baselineService.create(actor, name);
  }

  @Mutation(() => BaselineVersionType)
  @RequireRole('editor')
  async createBaselineVersion(
    @CurrentPrincipal() actor: Principal,
    @Args('baselineId', { type: () => ID }) baselineId: string,
    @Args('contentJson', { type: () => String }) contentJson: string,
    @Args('message', { type: () => String }) message: string,
  ): Promise<BaselineVersionType> {
    let content: unknown;
    try {
      content = JSON.parse(contentJson);
    } catch {
      throw new DataAccessError('INVALID', 'contentJson: not JSON');
    }
    const { version } = await this.baselineService.addVersion(actor, baselineId, {
      content,
      message,
    });
    return {
      id: version.id,
      number: version.number,
      contentHash: version.contentHash,
      author: version.author,
      message: version.message,
      createdAt: version.createdAt.toISOString(),
    };
  }

  @Mutation(() => PinType)
  @RequireRole('editor')
  async pinBaseline(
    @CurrentPrincipal() actor: Principal,
    @Args('baselineId', { type: () => ID }) baselineId: string,
    @Args('environment', { type: () => String }) environment: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<PinType> {
    return toPin(await this.baselineService.pin(actor, baselineId, { environment, version }));
  }

  @Mutation(() => PromotionType)
  @RequireRole('editor')
  async requestPromotion(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => PromotionInput }) input: PromotionInput,
  ): Promise<PromotionType> {
    return toPromotion(
      await this.promotionService.request(actor, {
        baselineId: input.baselineId,
        version: input.version,
        environment: input.environment,
        ...(input.rollback ? { rollback: true } : {}),
        ...(input.immediate ? { immediate: true } : {}),
      }),
    );
  }

  @Mutation(() => PromotionType)
  @RequireRole('approver')
  async approvePromotion(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ): Promise<PromotionType> {
    return toPromotion(await this.promotionService.decide(actor, id, true, reason ?? undefined));
  }

  @Mutation(() => PromotionType)
  @RequireRole('approver')
  async rejectPromotion(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<PromotionType> {
    return toPromotion(await this.promotionService.decide(actor, id, false, reason));
  }

  @Mutation(() => DriftAlertType)
  @RequireRole('editor')
  async acknowledgeAlert(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { type: () => String }) comment: string,
  ): Promise<DriftAlertType> {
    return toAlert(
      await this.alertRepository.acknowledge(actor.organizationId, id, {
        actor: actorOf(actor),
        comment,
      }),
    );
  }
}
