import { Inject, UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '@fenceline/contracts';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { presentArgs, validate } from '../errors/validate';
import { listQuery, PageArgs } from '../pagination/page.args';
import { Connection, toConnection, type ConnectionShape } from '../pagination/connection';
import { pageOnlySchema, pageRequest } from '../pagination/page-query';
import { BaselinesService } from './baselines.service';
import {
  createBaselineSchema,
  createVersionSchema,
  diffQuerySchema,
  listBaselinesSchema,
  pinBaselineSchema,
} from './dto/baseline.dto';
import {
  BaselineModel,
  BaselineVersionModel,
  PinModel,
  toPinModel,
  toVersionModel,
} from './models/baseline.model';

@ObjectType('BaselineConnection')
export class BaselineConnection extends Connection(BaselineModel) {}

/** Baselines in GraphQL: the REST operations, through the same service and the same schemas. */
@Resolver(() => BaselineModel)
@UseGuards(ApiKeyGuard)
export class BaselinesResolver {
  constructor(@Inject(BaselinesService) private readonly service: BaselinesService) {}

  @Query(() => [BaselineModel], { description: 'the first page of baselines by name' })
  @RequireRole('viewer')
  async baselines(
    @CurrentPrincipal() actor: Principal,
    @Args() page: PageArgs,
    @Args('name', { type: () => String, nullable: true }) name?: string | null,
  ): Promise<BaselineModel[]> {
    return (await this.baselineConnection(actor, page, name)).nodes;
  }

  @Query(() => BaselineConnection, { description: 'baselines by name, page by page' })
  @RequireRole('viewer')
  async baselineConnection(
    @CurrentPrincipal() actor: Principal,
    @Args() page: PageArgs,
    @Args('name', { type: () => String, nullable: true }) name?: string | null,
  ): Promise<ConnectionShape<BaselineModel>> {
    const query = listQuery(listBaselinesSchema, page, { name });
    const found = await this.service.list(actor, { name: query.name }, pageRequest(query));
    return toConnection(found, (b) => b);
  }

  @Query(() => [BaselineVersionModel], { description: 'a baseline’s versions, oldest first' })
  @RequireRole('viewer')
  async baselineVersions(
    @CurrentPrincipal() actor: Principal,
    @Args() page: PageArgs,
    @Args('baselineId', { type: () => ID }) baselineId: string,
  ): Promise<BaselineVersionModel[]> {
    const query = listQuery(pageOnlySchema, page);
    const found = await this.service.versions(actor, baselineId, pageRequest(query));
    return found.items.map(toVersionModel);
  }

  @Query(() => [PinModel], { description: 'every pin, by environment order then baseline name' })
  @RequireRole('viewer')
  async pins(@CurrentPrincipal() actor: Principal, @Args() page: PageArgs): Promise<PinModel[]> {
    const query = listQuery(pageOnlySchema, page);
    return (await this.service.pinsPage(actor, pageRequest(query))).items.map(toPinModel);
  }

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
    @Args('clusterId', { type: () => ID, nullable: true }) clusterId?: string | null,
  ): Promise<string> {
    const query = validate(diffQuerySchema, presentArgs({ clusterId }), 'arguments');
    return JSON.stringify(await this.service.diff(actor, baselineId, from, to, query.clusterId));
  }

  @Mutation(() => BaselineModel)
  @RequireRole('editor')
  createBaseline(
    @CurrentPrincipal() actor: Principal,
    @Args('name', { type: () => String }) name: string,
  ): Promise<BaselineModel> {
    return this.service.create(actor, validate(createBaselineSchema, { name }, 'arguments').name);
  }

  @Mutation(() => BaselineVersionModel)
  @RequireRole('editor')
  async createBaselineVersion(
    @CurrentPrincipal() actor: Principal,
    @Args('baselineId', { type: () => ID }) baselineId: string,
    @Args('contentJson', { type: () => String }) contentJson: string,
    @Args('message', { type: () => String }) message: string,
  ): Promise<BaselineVersionModel> {
    let content: unknown;
    try {
      content = JSON.parse(contentJson);
    } catch {
      throw new DomainError('INVALID', 'invalid request arguments', [
        { path: 'contentJson', message: 'not JSON' },
      ]);
    }
    const input = validate(createVersionSchema, { content, message }, 'arguments');
    return toVersionModel((await this.service.addVersion(actor, baselineId, input)).version);
  }

  @Mutation(() => PinModel)
  @RequireRole('editor')
  async pinBaseline(
    @CurrentPrincipal() actor: Principal,
    @Args('baselineId', { type: () => ID }) baselineId: string,
    @Args('environment', { type: () => String }) environment: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<PinModel> {
    const input = validate(pinBaselineSchema, { environment, version }, 'arguments');
    return toPinModel(await this.service.pin(actor, baselineId, input));
  }
}
