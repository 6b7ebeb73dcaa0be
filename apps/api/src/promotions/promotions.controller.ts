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
import type { Page, Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { validate } from '../errors/validate';
import { ZodBody, ZodQuery } from '../errors/zod-body.pipe';
import { Paginated } from '../pagination/page.interceptor';
import { pageRequest } from '../pagination/page-query';
import {
  approvePromotionSchema,
  listPromotionsSchema,
  PROMOTION_STATUSES,
  rejectPromotionSchema,
  requestPromotionSchema,
  type ListPromotionsDto,
  type RejectPromotionDto,
  type RequestPromotionDto,
} from './dto/promotion.dto';
import { toPromotionModel, type PromotionModel } from './models/promotion.model';
import { PromotionsService, type ClusterPreview } from './promotions.service';

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
  @ApiBody({ schema: z.toJSONSchema(requestPromotionSchema) as object })
  async request(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(requestPromotionSchema)) body: RequestPromotionDto,
  ): Promise<PromotionModel> {
    return toPromotionModel(await this.service.request(actor, body));
  }

  @Post('preview')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Preview a promotion without requesting it (same body and rules): per target cluster, the connectivity that would change and the guardrails that would newly fail',
  })
  @ApiBody({ schema: z.toJSONSchema(requestPromotionSchema) as object })
  preview(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(requestPromotionSchema)) body: RequestPromotionDto,
  ): Promise<ClusterPreview[]> {
    return this.service.previewRequest(actor, body);
  }

  @Get()
  @RequireRole('viewer')
  @Paginated()
  @ApiQuery({ name: 'status', required: false, enum: PROMOTION_STATUSES })
  @ApiQuery({ name: 'environment', required: false })
  @ApiQuery({ name: 'baselineId', required: false })
  @ApiOperation({ summary: 'Promotions, newest first' })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(listPromotionsSchema)) query: ListPromotionsDto,
  ): Promise<Page<PromotionModel>> {
    const { limit, cursor, ...filter } = query;
    const page = await this.service.list(actor, filter, pageRequest({ limit, cursor }));
    return { items: page.items.map(toPromotionModel), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One promotion with its preview' })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<PromotionModel> {
    return toPromotionModel(await this.service.get(actor, id));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequireRole('approver')
  @ApiOperation({
    summary:
      'Approve and apply { reason? }: the pin moves, drift is re-evaluated; 403 SELF_APPROVAL for the requester; 409 when already decided',
  })
  @ApiBody({ schema: z.toJSONSchema(approvePromotionSchema) as object })
  async approve(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body() raw: unknown,
  ): Promise<PromotionModel> {
    // The body is optional here: no reason is needed to approve.
    const body = validate(approvePromotionSchema, raw ?? {}, 'body');
    return toPromotionModel(await this.service.decide(actor, id, true, body.reason));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequireRole('approver')
  @ApiOperation({
    summary: 'Reject { reason }; 403 SELF_APPROVAL for the requester; 409 when already decided',
  })
  @ApiBody({ schema: z.toJSONSchema(rejectPromotionSchema) as object })
  async reject(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body(new ZodBody(rejectPromotionSchema)) body: RejectPromotionDto,
  ): Promise<PromotionModel> {
    return toPromotionModel(await this.service.decide(actor, id, false, body.reason));
  }
}
