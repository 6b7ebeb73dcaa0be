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
import type { Baseline, BaselineVersion, Pin, Principal } from '@fenceline/data-access';
import type { VersionDiff } from '@fenceline/drift';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';
import { BaselinesService } from './baselines.service';

const name = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'lower-case letters, digits and dashes');
const createBaselineSchema = z.strictObject({ name });
const createVersionSchema = z.strictObject({
  content: z.unknown(),
  message: z.string().min(1).max(2000),
});
const pinSchema = z.strictObject({
  environment: z.string().min(1).max(63),
  version: z.int().min(1),
});

/** A version as the API shows it. */
export function versionView(v: BaselineVersion): Record<string, unknown> {
  return {
    id: v.id,
    baselineId: v.baselineId,
    number: v.number,
    contentHash: v.contentHash,
    author: v.author,
    message: v.message,
    createdAt: v.createdAt.toISOString(),
  };
}

export function pinView(p: Pin): Record<string, unknown> {
  return {
    environment: p.environment,
    baselineId: p.baselineId,
    baselineName: p.baselineName,
    version: p.version.number,
    contentHash: p.version.contentHash,
    pinnedBy: p.pinnedBy,
    pinnedAt: p.pinnedAt.toISOString(),
    promotionId: p.promotionId,
  };
}

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
    @Body(new ZodBody(createBaselineSchema)) body: z.infer<typeof createBaselineSchema>,
  ): Promise<Baseline> {
    return this.service.create(actor, body.name);
  }

  @Get()
  @RequireRole('viewer')
  @ApiQuery({ name: 'name', required: false })
  @ApiOperation({
    summary: 'List baselines [{ id, name, latestVersion }] (optionally by exact name)',
  })
  list(@CurrentPrincipal() actor: Principal, @Query('name') filter?: string): Promise<Baseline[]> {
    return this.service.list(actor, filter);
  }

  @Get('pins')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'Every environment pin [{ environment, baselineId, baselineName, version, ... }]',
  })
  async allPins(@CurrentPrincipal() actor: Principal): Promise<Record<string, unknown>[]> {
    return (await this.service.pins(actor)).map(pinView);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One baseline with its pins' })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<Baseline & { pins: Record<string, unknown>[] }> {
    const baseline = await this.service.get(actor, id);
    return { ...baseline, pins: (await this.service.pins(actor, id)).map(pinView) };
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
    @Body(new ZodBody(createVersionSchema)) body: z.infer<typeof createVersionSchema>,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<Record<string, unknown>> {
    const result = await this.service.addVersion(actor, id, {
      content: body.content,
      message: body.message,
    });
    if (result.unchanged) response.status(200);
    return { ...versionView(result.version), ...(result.unchanged ? { unchanged: true } : {}) };
  }

  @Get(':id/versions')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'The versions, oldest first (without content)' })
  async versions(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<Record<string, unknown>[]> {
    return (await this.service.versions(actor, id)).map(versionView);
  }

  @Get(':id/versions/:number')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One version with its content' })
  async version(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Param('number', ParseIntPipe) number: number,
  ): Promise<Record<string, unknown>> {
    const version = await this.service.version(actor, id, number);
    return { ...versionView(version), content: version.content };
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
    @Query('clusterId') clusterId?: string,
  ): Promise<VersionDiff> {
    return this.service.diff(actor, id, from, to, clusterId);
  }

  @Post(':id/pins')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Pin a version to the first environment (dev) { environment, version }; later environments move by promotion',
  })
  @ApiBody({ schema: z.toJSONSchema(pinSchema) as object })
  async pin(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body(new ZodBody(pinSchema)) body: z.infer<typeof pinSchema>,
  ): Promise<Record<string, unknown>> {
    return pinView(await this.service.pin(actor, id, body));
  }
}
