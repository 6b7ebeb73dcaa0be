import { Inject, UseGuards } from '@nestjs/common';
import {
  Args,
  ID,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { Principal, PromotionStatus } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { presentArgs, validate } from '../errors/validate';
import { listQuery, PageArgs, type PageArgsShape } from '../pagination/page.args';
import { Connection, toConnection, type ConnectionShape } from '../pagination/connection';
import { pageRequest } from '../pagination/page-query';
import {
  approvePromotionSchema,
  listPromotionsSchema,
  rejectPromotionSchema,
  requestPromotionSchema,
} from './dto/promotion.dto';
import { PromotionInput } from './dto/promotion.input';
import { PromotionModel, PromotionStatusEnum, toPromotionModel } from './models/promotion.model';
import { PromotionsService } from './promotions.service';

@ObjectType('PromotionConnection')
export class PromotionConnection extends Connection(PromotionModel) {}

/** Promotions in GraphQL: the REST operations, through the same service and schemas. */
@Resolver(() => PromotionModel)
@UseGuards(ApiKeyGuard)
export class PromotionsResolver {
  constructor(@Inject(PromotionsService) private readonly service: PromotionsService) {}

  @Query(() => [PromotionModel], { description: 'the first page of promotions, newest first' })
  @RequireRole('viewer')
  async promotions(
    @CurrentPrincipal() actor: Principal,
    @Args() page: PageArgs,
    @Args('status', { type: () => String, nullable: true }) status?: string | null,
    @Args('environment', { type: () => String, nullable: true }) environment?: string | null,
    @Args('baselineId', { type: () => ID, nullable: true }) baselineId?: string | null,
  ): Promise<PromotionModel[]> {
    return (await this.page(actor, page, { status, environment, baselineId })).nodes;
  }

  @Query(() => PromotionConnection, { description: 'promotions newest first, page by page' })
  @RequireRole('viewer')
  promotionConnection(
    @CurrentPrincipal() actor: Principal,
    @Args() page: PageArgs,
    @Args('status', { type: () => PromotionStatusEnum, nullable: true })
    status?: PromotionStatus | null,
    @Args('environment', { type: () => String, nullable: true }) environment?: string | null,
    @Args('baselineId', { type: () => ID, nullable: true }) baselineId?: string | null,
  ): Promise<ConnectionShape<PromotionModel>> {
    return this.page(actor, page, { status, environment, baselineId });
  }

  @Query(() => PromotionModel)
  @RequireRole('viewer')
  async promotion(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PromotionModel> {
    return toPromotionModel(await this.service.get(actor, id));
  }

  @ResolveField(() => String, {
    description:
      'per target cluster: connectivity that would change, guardrails that would newly fail (JSON)',
  })
  previewJson(@Parent() promotion: PromotionModel): string {
    return JSON.stringify(promotion.preview ?? null);
  }

  @Mutation(() => PromotionModel)
  @RequireRole('editor')
  async requestPromotion(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => PromotionInput }) input: PromotionInput,
  ): Promise<PromotionModel> {
    const body = validate(requestPromotionSchema, presentArgs({ ...input }), 'arguments');
    return toPromotionModel(await this.service.request(actor, body));
  }

  @Mutation(() => PromotionModel)
  @RequireRole('approver')
  async approvePromotion(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<PromotionModel> {
    const body = validate(approvePromotionSchema, presentArgs({ reason }), 'arguments');
    return toPromotionModel(await this.service.decide(actor, id, true, body.reason));
  }

  @Mutation(() => PromotionModel)
  @RequireRole('approver')
  async rejectPromotion(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<PromotionModel> {
    const body = validate(rejectPromotionSchema, { reason }, 'arguments');
    return toPromotionModel(await this.service.decide(actor, id, false, body.reason));
  }

  private async page(
    actor: Principal,
    page: PageArgsShape,
    filters: Record<string, unknown>,
  ): Promise<ConnectionShape<PromotionModel>> {
    const { limit, cursor, ...filter } = listQuery(listPromotionsSchema, page, filters);
    const found = await this.service.list(actor, filter, pageRequest({ limit, cursor }));
    return toConnection(found, toPromotionModel);
  }
}
