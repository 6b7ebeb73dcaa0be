import { Inject, UseGuards } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { validate } from '../errors/validate';
import { Connection, toConnection, type ConnectionShape } from '../pagination/connection';
import { listQuery, PageArgs } from '../pagination/page.args';
import { pageRequest } from '../pagination/page-query';
import { ClusterAnalysisLoader } from './cluster-analysis.loader';
import { ClustersService } from './clusters.service';
import { CreateClusterInput } from './dto/cluster.input';
import { createClusterSchema } from './dto/create-cluster.dto';
import { listClustersSchema } from './dto/list-clusters.dto';
import { ClusterModel } from './models/cluster.model';
import {
  AgentTokenModel,
  ConnectionModel,
  CoverageModel,
  LabelModel,
} from './models/connectivity.model';

@ObjectType('ClusterConnection')
export class ClusterConnection extends Connection(ClusterModel) {}

/** The same operations as REST, through the same service, validated with the same schemas. */
@Resolver(() => ClusterModel)
@UseGuards(ApiKeyGuard)
export class ClustersResolver {
  constructor(
    @Inject(ClustersService) private readonly service: ClustersService,
    @Inject(ClusterAnalysisLoader) private readonly analyses: ClusterAnalysisLoader,
  ) {}

  @Query(() => [ClusterModel], { description: 'the first page of clusters by name' })
  async clusters(
    @CurrentPrincipal() actor: Principal,
    @Args() page: PageArgs,
    @Args('environment', { type: () => String, nullable: true }) environment?: string | null,
  ): Promise<ClusterModel[]> {
    return (await this.clusterConnection(actor, page, environment)).nodes;
  }

  @Query(() => ClusterConnection, { description: 'clusters by name, page by page' })
  async clusterConnection(
    @CurrentPrincipal() actor: Principal,
    @Args() page: PageArgs,
    @Args('environment', { type: () => String, nullable: true }) environment?: string | null,
  ): Promise<ConnectionShape<ClusterModel>> {
    const query = listQuery(listClustersSchema, page, { environment });
    const found = await this.service.list(
      actor,
      { environment: query.environment },
      pageRequest(query),
    );
    return toConnection(found, (c) => c);
  }

  @Query(() => ClusterModel)
  cluster(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ClusterModel> {
    return this.service.get(actor, id);
  }

  @ResolveField(() => [LabelModel])
  labels(@Parent() cluster: ClusterModel): LabelModel[] {
    return Object.entries(cluster.labels).map(([key, value]) => ({ key, value }));
  }

  @ResolveField(() => CoverageModel, {
    nullable: true,
    description: 'null until the first snapshot is analysed',
  })
  coverage(
    @CurrentPrincipal() actor: Principal,
    @Parent() cluster: ClusterModel,
    @Context() request: object,
  ): Promise<CoverageModel | null> {
    // Batched over the request's clusters (the parent was already found in the caller's organization).
    return this.analyses.coverage(request, actor, cluster.id);
  }

  @ResolveField(() => [ConnectionModel], {
    nullable: true,
    description: 'null until the first snapshot is analysed',
  })
  connectivity(
    @CurrentPrincipal() actor: Principal,
    @Parent() cluster: ClusterModel,
    @Context() request: object,
  ): Promise<ConnectionModel[] | null> {
    return this.analyses.connectivity(request, actor, cluster.id);
  }

  @Mutation(() => ClusterModel)
  @RequireRole('editor')
  createCluster(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => CreateClusterInput }) input: CreateClusterInput,
  ): Promise<ClusterModel> {
    const { labels, ...rest } = input;
    const body = validate(
      createClusterSchema,
      {
        ...rest,
        ...(labels ? { labels: Object.fromEntries(labels.map((l) => [l.key, l.value])) } : {}),
      },
      'arguments',
    );
    return this.service.create(actor, body);
  }

  @Mutation(() => AgentTokenModel)
  @RequireRole('editor')
  createAgentToken(
    @CurrentPrincipal() actor: Principal,
    @Args('clusterId', { type: () => ID }) clusterId: string,
  ): Promise<AgentTokenModel> {
    return this.service.createAgentToken(actor, clusterId);
  }

  @Mutation(() => Boolean)
  @RequireRole('editor')
  async revokeAgentToken(
    @CurrentPrincipal() actor: Principal,
    @Args('clusterId', { type: () => ID }) clusterId: string,
    @Args('tokenId', { type: () => ID }) tokenId: string,
  ): Promise<boolean> {
    await this.service.revokeAgentToken(actor, clusterId, tokenId);
    return true;
  }
}
