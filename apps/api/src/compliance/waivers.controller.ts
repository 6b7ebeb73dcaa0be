import { Body, Controller, Get, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { WaiverRepository, type Principal, type Waiver } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';
import { WaiversService } from './waivers.service';

export const waiverSchema = z.strictObject({
  controlId: z.string().min(1).max(32),
  scope: z.strictObject({
    cluster: z.string().min(1).max(253).optional(),
    namespace: z.string().min(1).max(63).optional(),
    workloadLabels: z.record(z.string().min(1).max(317), z.string().max(63)).optional(),
  }),
  justification: z.string().min(10, 'say why, in at least 10 characters').max(4000),
  ticketUrl: z.url({ protocol: /^https?$/ }),
  expiresAt: z.iso.datetime({ offset: true }),
});

export function waiverView(w: Waiver): Record<string, unknown> {
  return {
    ...w,
    approvedAt: w.approvedAt?.toISOString() ?? null,
    expiresAt: w.expiresAt.toISOString(),
    createdAt: w.createdAt.toISOString(),
    lastUsedAt: w.lastUsedAt?.toISOString() ?? null,
  };
}

/** `/v1/waivers`: requested by an editor, approved by an approver other than the requester, expiring by themselves. */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/waivers')
@UseGuards(ApiKeyGuard)
export class WaiversController {
  constructor(
    @Inject(WaiverRepository) private readonly waivers: WaiverRepository,
    @Inject(WaiversService) private readonly service: WaiversService,
  ) {}

  @Post()
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Request a waiver { controlId, scope { cluster?, namespace?, workloadLabels? }, justification, ticketUrl, expiresAt }; it applies once approved',
  })
  @ApiBody({ schema: z.toJSONSchema(waiverSchema) as object })
  async request(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(waiverSchema)) body: z.infer<typeof waiverSchema>,
  ): Promise<Record<string, unknown>> {
    return waiverView(await this.service.request(actor, body));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Every waiver, oldest first' })
  async list(@CurrentPrincipal() actor: Principal): Promise<Record<string, unknown>[]> {
    return (await this.waivers.list(actor.organizationId)).map(waiverView);
  }

  @Get('report')
  @RequireRole('viewer')
  @ApiOperation({
    summary:
      'Waivers active now, expiring within 14 days, expired, unused (active, never applied) and pending approval',
  })
  async report(
    @CurrentPrincipal() actor: Principal,
  ): Promise<Record<string, Record<string, unknown>[]>> {
    const report = await this.waivers.report(actor.organizationId);
    return Object.fromEntries(
      Object.entries(report).map(([key, list]) => [key, (list as Waiver[]).map(waiverView)]),
    );
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequireRole('approver')
  @ApiOperation({
    summary:
      'Approve a pending waiver; 403 SELF_APPROVAL for the requester; 409 approved already or expired',
  })
  async approve(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<Record<string, unknown>> {
    return waiverView(await this.service.approve(actor, id));
  }
}
