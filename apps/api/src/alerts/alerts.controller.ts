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
import { ZodBody, ZodQuery } from '../errors/zod-body.pipe';
import { Paginated } from '../pagination/page.interceptor';
import { pageRequest } from '../pagination/page-query';
import { AlertsService } from './alerts.service';
import {
  acknowledgeAlertSchema,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  listAlertsSchema,
  type AcknowledgeAlertDto,
  type ListAlertsDto,
} from './dto/alert.dto';
import type { AlertModel } from './models/alert.model';

/** `/v1/alerts`: drift alerts, filtered; acknowledged with a comment (editor). */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alerts')
@UseGuards(ApiKeyGuard)
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly service: AlertsService) {}

  @Get()
  @RequireRole('viewer')
  @Paginated('page size, 1–5000 (default 500)')
  @ApiQuery({ name: 'clusterId', required: false })
  @ApiQuery({ name: 'environment', required: false })
  @ApiQuery({ name: 'severity', required: false, enum: ALERT_SEVERITIES })
  @ApiQuery({ name: 'status', required: false, enum: ALERT_STATUSES })
  @ApiQuery({ name: 'baselineId', required: false })
  @ApiOperation({ summary: 'Drift alerts, most severe first, then most recently seen' })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(listAlertsSchema)) query: ListAlertsDto,
  ): Promise<Page<AlertModel>> {
    const { limit, cursor, ...filter } = query;
    return this.service.list(actor, filter, pageRequest({ limit, cursor }));
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One alert with its evidence' })
  get(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<AlertModel> {
    return this.service.get(actor, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Acknowledge { comment } (audited); 409 for a resolved alert' })
  @ApiBody({ schema: z.toJSONSchema(acknowledgeAlertSchema) as object })
  acknowledge(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body(new ZodBody(acknowledgeAlertSchema)) body: AcknowledgeAlertDto,
  ): Promise<AlertModel> {
    return this.service.acknowledge(actor, id, body);
  }
}
