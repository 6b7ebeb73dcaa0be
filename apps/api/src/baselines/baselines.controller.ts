import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Page, Principal } from '@fenceline/data-access';
import type { VersionDiff } from '@fenceline/drift';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody, ZodQuery } from '../errors/zod-body.pipe';
import { Paginated } from '../pagination/page.interceptor';
import { pageOnlySchema, pageRequest, type PageOnlyDto } from '../pagination/page-query';
import { BaselinesService } from './baselines.service';
import {
  createBaselineSchema,
  createVersionSchema,
  diffQuerySchema,
  listBaselinesSchema,
  pinBaselineSchema,
  type CreateBaselineDto,
  type CreateVersionDto,
  type DiffQueryDto,
  type ListBaselinesDto,
  type PinBaselineDto,
} from './dto/baseline.dto';
import {
  toPinModel,
  toVersionModel,
  type BaselineModel,
  type BaselineVersionModel,
  type PinModel,
} from './models/baseline.model';

/** `/v1/baselines`: baselines, immutable versions, version diffs, pins to the first environment. */
@ApiTags('baselines')
@ApiBearerAuth()
@Controller('v1/baselines')
@UseGuards(ApiKeyGuard)
export class BaselinesController {
  constructor(@Inject(BaselinesService) private readonly service: BaselinesService) {}

  @Post()
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Create a baseline; 201 { id, name, latestVersion: null }; 409 when the name exists',
  })
  @ApiBody({ schema: z.toJSONSchema(createBaselineSchema) as object })
  create(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(createBaselineSchema)) body: CreateBaselineDto,
  ): Promise<BaselineModel> {
    return this.service.create(actor, body.name);
  }

  @Get()
  @RequireRole('viewer')
  @Paginated()
  @ApiQuery({ name: 'name', required: false })
  @ApiOperation({
    summary: 'List baselines by name [{ id, name, latestVersion }] (optionally by exact name)',
  })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(listBaselinesSchema)) query: ListBaselinesDto,
  ): Promise<Page<BaselineModel>> {
    return this.service.list(actor, { name: query.name }, pageRequest(query));
  }

  @Get('pins')
  @RequireRole('viewer')
  @Paginated()
  @ApiOperation({
    summary:
      'Every environment pin, by environment order then baseline name [{ environment, baselineId, baselineName, version, ... }]',
  })
  async allPins(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(pageOnlySchema)) query: PageOnlyDto,
  ): Promise<Page<PinModel>> {
    const page = await this.service.pinsPage(actor, pageRequest(query));
    return { items: page.items.map(toPinModel), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One baseline with its pins' })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<BaselineModel & { pins: PinModel[] }> {
    const baseline = await this.service.get(actor, id);
    return { ...baseline, pins: (await this.service.pins(actor, id)).map(toPinModel) };
  }

  @Post(':id/versions')
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Add a version { content: { scope?, sensitive?, policies, guardrails }, message }; 201 the version, or 200 with "unchanged": true when equal to the latest',
  })
  @ApiBody({ schema: z.toJSONSchema(createVersionSchema, { unrepresentable: 'any' }) as object })
  async addVersion(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body(new ZodBody(createVersionSchema)) body: CreateVersionDto,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<BaselineVersionModel & { unchanged?: true }> {
    const result = await this.service.addVersion(actor, id, body);
    if (result.unchanged) response.status(200);
    return { ...toVersionModel(result.version), ...(result.unchanged ? { unchanged: true } : {}) };
  }

  @Get(':id/versions')
  @RequireRole('viewer')
  @Paginated()
  @ApiOperation({ summary: 'The versions, oldest first (without content)' })
  async versions(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Query(new ZodQuery(pageOnlySchema)) query: PageOnlyDto,
  ): Promise<Page<BaselineVersionModel>> {
    const page = await this.service.versions(actor, id, pageRequest(query));
    return { items: page.items.map(toVersionModel), nextCursor: page.nextCursor };
  }

  @Get(':id/versions/:number')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One version with its content' })
  async version(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Param('number', ParseIntPipe) number: number,
  ): Promise<BaselineVersionModel & { content: unknown }> {
    const version = await this.service.version(actor, id, number);
    return { ...toVersionModel(version), content: version.content };
  }

  @Get(':id/versions/:from/diff/:to')
  @RequireRole('viewer')
  @ApiQuery({
    name: 'clusterId',
    required: false,
    description: 'connectivity changes on this cluster’s newest inventory',
  })
  @ApiOperation({
    summary:
      'Semantic diff: policies and guardrails added/removed/changed, and with clusterId the connectivity that changes',
  })
  diff(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Param('from', ParseIntPipe) from: number,
    @Param('to', ParseIntPipe) to: number,
    @Query(new ZodQuery(diffQuerySchema)) query: DiffQueryDto,
  ): Promise<VersionDiff> {
    return this.service.diff(actor, id, from, to, query.clusterId);
  }

  @Post(':id/pins')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Pin a version to the first environment (dev) { environment, version }; later environments move by promotion',
  })
  @ApiBody({ schema: z.toJSONSchema(pinBaselineSchema) as object })
  async pin(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body(new ZodBody(pinBaselineSchema)) body: PinBaselineDto,
  ): Promise<PinModel> {
    return toPinModel(await this.service.pin(actor, id, body));
  }
}
