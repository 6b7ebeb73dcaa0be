import { Inject, UseGuards } from '@nestjs/common';
import {
  Args,
  Field,
  ID,
  InputType,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ClustersService } from '../clusters/clusters.service';
import { createClusterSchema } from '../clusters/dto/create-cluster.dto';
import type { ClusterModel } from '../clusters/models/cluster.model';
import { ZodBody } from '../errors/zod-body.pipe';
import { AgentTokenType, ClusterType, ConnectionType, CoverageType } from './cluster.model';

@InputType()
export class CreateClusterInput {
  @Field(() => String) name!: string;
  @Field(() => String) environment!: string;
}

const toType = (c: ClusterModel): ClusterType => ({
  id: c.id,
  name: c.name,
  environment: c.environment,
  labels: Object.entries(c.labels).map(([key, value]) => ({ key, value })),
  lastSnapshotAt: c.lastSnapshotAt,
});

/** The same operations as REST, through the same service. */
@Resolver(() => ClusterType)
@UseGuards(ApiKeyGuard)
export class ClustersResolver {
  constructor(@Inject(ClustersService) private readonly service: ClustersService) {}

  @Query(() => [ClusterType])
  async clusters(@CurrentPrincipal() actor: Principal): Promise<ClusterType[]> {
    return (await this.service.list(actor)).map(toType);
  }

  @Query(() => ClusterType)
  async cluster(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ClusterType> {
    return toType(await this.service.get(actor, id));
  }

  @ResolveField(() => CoverageType, {
    nullable: true,
    description: 'null until the first snapshot is analysed',
  })
  async coverage(
    @CurrentPrincipal() actor: Principal,
    @Parent() cluster: ClusterType,
  ): Promise<CoverageType | null> {
    return (
      ((await this.service.coverage(actor, cluster.id).catch(() => null)) as CoverageType | null) ??
      null
    );
  }

  @ResolveField(() => [ConnectionType], {
    nullable: true,
    description: 'null until the first snapshot is analysed',
  })
  async connectivity(
    @CurrentPrincipal() actor: Principal,
    @Parent() cluster: ClusterType,
  ): Promise<ConnectionType[] | null> {
    return (
      ((await this.service.connectivity(actor, cluster.id).catch(() => null)) as
        ConnectionType[] | null) ?? null
    );
  }

  @Mutation(() => ClusterType)
  @RequireRole('editor')
  async createCluster(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => CreateClusterInput }) input: CreateClusterInput,
  ): Promise<ClusterType> {
    return toType(
      await this.service.create(actor, new ZodBody(createClusterSchema).transform({ ...input })),
    );
  }

  @Mutation(() => AgentTokenType)
  @RequireRole('editor')
  createAgentToken(
    @CurrentPrincipal() actor: Principal,
    @Args('clusterId', { type: () => ID }) clusterId: string,
  ): Promise<AgentTokenType> {
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
