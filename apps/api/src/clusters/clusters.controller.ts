import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Page, Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody, ZodQuery } from '../errors/zod-body.pipe';
import { Paginated } from '../pagination/page.interceptor';
import { pageRequest } from '../pagination/page-query';
import { ClustersService } from './clusters.service';
import { createClusterSchema, type CreateClusterDto } from './dto/create-cluster.dto';
import {
  connectivityQuerySchema,
  listClustersSchema,
  type ConnectivityQueryDto,
  type ListClustersDto,
} from './dto/list-clusters.dto';
import type { ClusterModel } from './models/cluster.model';
import type { AgentTokenModel, ConnectionModel, CoverageModel } from './models/connectivity.model';

/** `/v1/clusters`: thin — auth, validation, one service call. */
@ApiTags('clusters')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'missing, unknown or revoked API key' })
@ApiResponse({ status: 404, description: 'no such cluster in your organization' })
@Controller('v1/clusters')
@UseGuards(ApiKeyGuard)
export class ClustersController {
  constructor(@Inject(ClustersService) private readonly service: ClustersService) {}

  @Post()
  @RequireRole('editor')
  @ApiOperation({ summary: 'Create a cluster in an environment (editor)' })
  @ApiBody({ schema: z.toJSONSchema(createClusterSchema, { unrepresentable: 'any' }) as object })
  @ApiResponse({
    status: 201,
    description:
      'the cluster: { id, name, environment, labels, createdAt, lastSeenAt, lastSnapshotAt, analysis }',
  })
  @ApiResponse({ status: 400, description: 'invalid body; issues name every bad field' })
  @ApiResponse({ status: 409, description: 'a cluster with this name exists' })
  create(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(createClusterSchema)) body: CreateClusterDto,
  ): Promise<ClusterModel> {
    return this.service.create(actor, body);
  }

  @Get()
  @Paginated()
  @ApiOperation({
    summary:
      'List the clusters of your organization by name (?environment=), with last snapshot time and analysis summary',
  })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(listClustersSchema)) query: ListClustersDto,
  ): Promise<Page<ClusterModel>> {
    return this.service.list(actor, { environment: query.environment }, pageRequest(query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One cluster' })
  get(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<ClusterModel> {
    return this.service.get(actor, id);
  }

  @Get(':id/connectivity')
  @Paginated('rows per page, 1–100000 (default: every row)')
  @ApiOperation({
    summary:
      'The latest analysed connectivity: [{ src, dst, conn }] as `fenceline connlist --output json` (every row without ?limit)',
  })
  connectivity(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Query(new ZodQuery(connectivityQuerySchema)) query: ConnectivityQueryDto,
  ): Promise<Page<ConnectionModel>> {
    return this.service.connectivity(
      actor,
      id,
      query.limit === undefined ? undefined : pageRequest({ ...query, limit: query.limit }),
    );
  }

  @Get(':id/coverage')
  @ApiOperation({
    summary: 'Pods total / ingress-isolated / egress-isolated, in total and per namespace',
  })
  coverage(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<CoverageModel> {
    return this.service.coverage(actor, id);
  }

  @Post(':id/agent-tokens')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Issue an agent token for this cluster: 201 { id, token } (shown once)',
  })
  createAgentToken(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<AgentTokenModel> {
    return this.service.createAgentToken(actor, id);
  }

  @Delete(':id/agent-tokens/:tokenId')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an agent token' })
  revokeAgentToken(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Param('tokenId') tokenId: string,
  ): Promise<void> {
    return this.service.revokeAgentToken(actor, id, tokenId);
  }
}
