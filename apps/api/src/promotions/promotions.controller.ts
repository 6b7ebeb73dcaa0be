import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Principal, Promotion } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';
import { PromotionsService } from './promotions.service';

const requestSchema = z.strictObject({
  baselineId: z.uuid(),
  version: z.int().min(1),
  environment: z.string().min(1).max(63),
  rollback: z.boolean().optional(),
  immediate: z.boolean().optional(),
});
const approveSchema = z.strictObject({ reason: z.string().min(1).max(2000).optional() });
const rejectSchema = z.strictObject({ reason: z.string().min(1).max(2000) });
const statusSchema = z.enum(['requested', 'approved', 'rejected', 'applied']).optional();

export function promotionView(p: Promotion): Record<string, unknown> {
  return {
    ...p,
    requestedAt: p.requestedAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    appliedAt: p.appliedAt?.toISOString() ?? null,
  };
}

/** `/v1/promotions`: request (editor), preview, approve or reject (approver other than the requester). */
@ApiTags('promotions')
@ApiBearerAuth()
@Controller('v1/promotions')
@UseGuards(ApiKeyGuard)
export class PromotionsController {
  constructor(@Inject(PromotionsService) private readonly service: PromotionsService) {}

  @Post()
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Request a promotion { baselineId, version, environment, rollback?, immediate? (admin rollback) }; 201 with a preview per target cluster',
  })
  @ApiBody({ schema: z.toJSONSchema(requestSchema) as object })
  async request(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(requestSchema)) body: z.infer<typeof requestSchema>,
  ): Promise<Record<string, unknown>> {
    return promotionView(await this.service.request(actor, body));
  }

  @Post('preview')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Preview a promotion without requesting it (same body and rules): per target cluster, the connectivity that would change and the guardrails that would newly fail',
  })
  @ApiBody({ schema: z.toJSONSchema(requestSchema) as object })
  preview(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(requestSchema)) body: z.infer<typeof requestSchema>,
  ): Promise<unknown> {
    return this.service.previewRequest(actor, body);
  }

  @Get()
  @RequireRole('viewer')
  @ApiQuery({ name: 'status', required: false })
  @ApiQuery({ name: 'environment', required: false })
  @ApiQuery({ name: 'baselineId', required: false })
  @ApiOperation({ summary: 'Promotions, newest first' })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query('status') status?: string,
    @Query('environment') environment?: string,
    @Query('baselineId') baselineId?: string,
  ): Promise<Record<string, unknown>[]> {
    const parsed = new ZodBody(z.strictObject({ status: statusSchema })).transform({ status });
    return (
      await this.service.list(actor, {
        ...(parsed.status ? { status: parsed.status } : {}),
        ...(environment ? { environment } : {}),
        ...(baselineId ? { baselineId } : {}),
      })
    ).map(promotionView);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One promotion with its preview' })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<Record<string, unknown>> {
    return promotionView(await this.service.get(actor, id));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequireRole('approver')
  @ApiOperation({
    summary:
      'Approve and apply { reason? }: the pin moves, drift is re-evaluated; 403 SELF_APPROVAL for the requester; 409 when already decided',
  })
  @ApiBody({ schema: z.toJSONSchema(approveSchema) as object })
  async approve(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body() raw: unknown,
  ): Promise<Record<string, unknown>> {
    // The body is optional here: no reason is needed to approve.
    const body = new ZodBody(approveSchema).transform(raw ?? {});
    return promotionView(await this.service.decide(actor, id, true, body.reason));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequireRole('approver')
  @ApiOperation({
    summary: 'Reject { reason }; 403 SELF_APPROVAL for the requester; 409 when already decided',
  })
  @ApiBody({ schema: z.toJSONSchema(rejectSchema) as object })
  async reject(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body(new ZodBody(rejectSchema)) body: z.infer<typeof rejectSchema>,
  ): Promise<Record<string, unknown>> {
    return promotionView(await this.service.decide(actor, id, false, body.reason));
  }
}
