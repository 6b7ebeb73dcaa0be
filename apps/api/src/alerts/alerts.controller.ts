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
import {
  actorOf,
  DriftAlertRepository,
  DataAccessError,
  type DriftAlert,
  type Principal,
} from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';

/** Alert filters, shared by REST and GraphQL. */
export const alertFilterSchema = z.strictObject({
  clusterId: z.uuid().optional(),
  environment: z.string().min(1).max(63).optional(),
  severity: z.enum(['low', 'medium', 'high', 'critical']).optional(),
  status: z.enum(['open', 'acknowledged', 'resolved']).optional(),
  baselineId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});
const acknowledgeSchema = z.strictObject({ comment: z.string().min(1).max(2000) });

export function alertView(a: DriftAlert): Record<string, unknown> {
  return {
    ...a,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
  };
}

/** `/v1/alerts`: drift alerts, filtered; acknowledged with a comment (editor). */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alerts')
@UseGuards(ApiKeyGuard)
export class AlertsController {
  constructor(@Inject(DriftAlertRepository) private readonly alerts: DriftAlertRepository) {}

  @Get()
  @RequireRole('viewer')
  @ApiQuery({ name: 'clusterId', required: false })
  @ApiQuery({ name: 'environment', required: false })
  @ApiQuery({ name: 'severity', required: false, enum: ['low', 'medium', 'high', 'critical'] })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'acknowledged', 'resolved'] })
  @ApiQuery({ name: 'baselineId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiOperation({ summary: 'Drift alerts, most recently seen first' })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: Record<string, string>,
  ): Promise<Record<string, unknown>[]> {
    const filter = new ZodBody(alertFilterSchema).transform(query);
    return (await this.alerts.list(actor.organizationId, filter)).map(alertView);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One alert with its evidence' })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<Record<string, unknown>> {
    const alert = await this.alerts.get(actor.organizationId, id);
    if (!alert) throw new DataAccessError('NOT_FOUND', `alert ${id} not found`);
    return alertView(alert);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Acknowledge { comment } (audited); 409 for a resolved alert' })
  @ApiBody({ schema: z.toJSONSchema(acknowledgeSchema) as object })
  async acknowledge(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body(new ZodBody(acknowledgeSchema)) body: z.infer<typeof acknowledgeSchema>,
  ): Promise<Record<string, unknown>> {
    return alertView(
      await this.alerts.acknowledge(actor.organizationId, id, {
        actor: actorOf(actor),
        comment: body.comment,
      }),
    );
  }
}
