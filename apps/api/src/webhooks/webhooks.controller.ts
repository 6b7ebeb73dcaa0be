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
import { API_CONFIG, type ApiConfig } from '../config';
import { ZodBody, ZodQuery } from '../errors/zod-body.pipe';
import { createWebhookSchema } from './dto/create-webhook.dto';
import { listDeliveriesSchema, type ListDeliveriesDto } from './dto/list-deliveries.dto';
import { Paginated } from '../pagination/page.interceptor';
import { pageOnlySchema, pageRequest, type PageOnlyDto } from '../pagination/page-query';
import type {
  CreatedWebhookModel,
  WebhookDeliveryModel,
  WebhookModel,
} from './models/webhook.model';
import { WebhooksService } from './webhooks.service';

const documentedBody = z.toJSONSchema(createWebhookSchema({ allowHttp: false }), {
  io: 'input',
  unrepresentable: 'any',
}) as object;

/** `/v1/webhooks` (admin only: URLs and secrets): thin — auth, validation, one service call. */
@ApiTags('webhooks')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'missing, unknown or revoked API key' })
@ApiResponse({ status: 403, description: 'not an admin key' })
@Controller('v1/webhooks')
@UseGuards(ApiKeyGuard)
@RequireRole('admin')
export class WebhooksController {
  private readonly createBody: ZodBody<ReturnType<typeof createWebhookSchema>>;

  constructor(
    @Inject(WebhooksService) private readonly service: WebhooksService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.createBody = new ZodBody(createWebhookSchema({ allowHttp: config.webhooks.allowHttp }));
  }

  @Post()
  @ApiOperation({
    summary: 'Subscribe a URL to event types; the signing secret is in this answer only',
  })
  @ApiBody({ schema: documentedBody })
  @ApiResponse({
    status: 201,
    description: '{ id, url, events, format, active, createdAt, secret }',
  })
  @ApiResponse({ status: 400, description: 'invalid body; issues name every bad field' })
  create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: unknown,
  ): Promise<CreatedWebhookModel> {
    return this.service.create(actor, this.createBody.transform(body));
  }

  @Get()
  @Paginated()
  @ApiOperation({ summary: 'List the webhooks of your organization, oldest first (no secrets)' })
  @ApiResponse({
    status: 200,
    description:
      '[{ id, url, events, format, active, consecutiveFailures, disabledAt, disabledReason, createdAt }]',
  })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(pageOnlySchema)) query: PageOnlyDto,
  ): Promise<Page<WebhookModel>> {
    return this.service.list(actor, pageRequest(query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook (no secret)' })
  @ApiResponse({ status: 404, description: 'no such webhook in your organization' })
  get(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<WebhookModel> {
    return this.service.get(actor, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook and its delivery log' })
  @ApiResponse({ status: 404, description: 'no such webhook in your organization' })
  delete(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<void> {
    return this.service.delete(actor, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log of a webhook, newest first' })
  @Paginated('page size, 1–500 (default 50)')
  @ApiResponse({
    status: 200,
    description:
      '[{ id, eventId, event, status, attempts, lastStatusCode, lastError, lastAttemptAt, createdAt, deliveredAt }]',
  })
  @ApiResponse({ status: 404, description: 'no such webhook in your organization' })
  deliveries(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Query(new ZodQuery(listDeliveriesSchema)) query: ListDeliveriesDto,
  ): Promise<Page<WebhookDeliveryModel>> {
    return this.service.deliveries(actor, id, pageRequest(query));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-enable a webhook disabled after failed deliveries (resets the failure count)',
  })
  @ApiResponse({ status: 404, description: 'no such webhook in your organization' })
  enable(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<WebhookModel> {
    return this.service.enable(actor, id);
  }
}
