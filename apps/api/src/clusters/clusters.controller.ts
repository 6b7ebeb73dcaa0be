import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';
import { ClustersService } from './clusters.service';
import { createClusterSchema, type CreateClusterDto } from './dto/create-cluster.dto';
import type { ClusterModel } from './models/cluster.model';

/** `/v1/clusters`: thin — auth, validation, one service call. */
@Controller('v1/clusters')
@UseGuards(ApiKeyGuard)
export class ClustersController {
  constructor(@Inject(ClustersService) private readonly service: ClustersService) {}

  @Post()
  @RequireRole('editor')
  create(@CurrentPrincipal() actor: Principal, @Body(new ZodBody(createClusterSchema)) body: CreateClusterDto): Promise<ClusterModel> {
    return this.service.create(actor, body);
  }

  @Get()
  list(@CurrentPrincipal() actor: Principal): Promise<ClusterModel[]> {
    return this.service.list(actor);
  }

  @Get(':id')
  get(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<ClusterModel> {
    return this.service.get(actor, id);
  }

  @Get(':id/connectivity')
  connectivity(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<readonly { src: string; dst: string; conn: string }[]> {
    return this.service.connectivity(actor, id);
  }

  @Get(':id/coverage')
  coverage(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<unknown> {
    return this.service.coverage(actor, id);
  }

  @Post(':id/agent-tokens')
  @RequireRole('editor')
  createAgentToken(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<{ id: string; token: string }> {
    return this.service.createAgentToken(actor, id);
  }

  @Delete(':id/agent-tokens/:tokenId')
  @RequireRole('editor')
  @HttpCode(204)
  revokeAgentToken(@CurrentPrincipal() actor: Principal, @Param('id') id: string, @Param('tokenId') tokenId: string): Promise<void> {
    return this.service.revokeAgentToken(actor, id, tokenId);
  }
}
