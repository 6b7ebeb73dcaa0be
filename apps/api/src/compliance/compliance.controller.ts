import { Body, Controller, Get, Inject, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody, ZodQuery } from '../errors/zod-body.pipe';
import { ComplianceService, type ComplianceSettingsModel } from './compliance.service';
import {
  complianceSettingsSchema,
  type ComplianceSettingsDto,
} from './dto/compliance-settings.dto';
import {
  asOfQuerySchema,
  controlTrendQuerySchema,
  fleetTrendQuerySchema,
  summaryQuerySchema,
  type AsOfQueryDto,
  type ControlTrendQueryDto,
  type FleetTrendQueryDto,
  type SummaryQueryDto,
} from './dto/compliance.dto';

/** Compliance reports (viewer) and the organization's PCI scope settings (admin). */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1')
@UseGuards(ApiKeyGuard)
export class ComplianceController {
  constructor(@Inject(ComplianceService) private readonly service: ComplianceService) {}

  @Get('compliance/frameworks')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'The frameworks and their controls (id, title, description, severity, references)',
  })
  frameworks(): ReturnType<ComplianceService['frameworks']> {
    return this.service.frameworks();
  }

  @Get('compliance/summary')
  @RequireRole('viewer')
  @ApiQuery({ name: 'framework', required: true })
  @ApiQuery({ name: 'environment', required: false })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'ISO 8601: the results as they stood then',
  })
  @ApiOperation({
    summary:
      'Fleet, environment and cluster summaries: scores, pass/fail/n.a./waived counts, failing controls',
  })
  summary(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(summaryQuerySchema)) q: SummaryQueryDto,
  ): Promise<unknown> {
    return this.service.summary(actor, q.framework, {
      ...(q.environment ? { environment: q.environment } : {}),
      ...(q.asOf ? { asOf: new Date(q.asOf) } : {}),
    });
  }

  @Get('compliance/controls/:controlId')
  @RequireRole('viewer')
  @ApiQuery({ name: 'framework', required: true })
  @ApiQuery({ name: 'environment', required: false })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({ summary: 'One control across clusters, with each cluster’s status and evidence' })
  control(
    @CurrentPrincipal() actor: Principal,
    @Param('controlId') controlId: string,
    @Query(new ZodQuery(summaryQuerySchema)) q: SummaryQueryDto,
  ): Promise<unknown> {
    return this.service.control(actor, q.framework, controlId, {
      ...(q.environment ? { environment: q.environment } : {}),
      ...(q.asOf ? { asOf: new Date(q.asOf) } : {}),
    });
  }

  @Get('compliance/trend')
  @RequireRole('viewer')
  @ApiQuery({ name: 'framework', required: true })
  @ApiQuery({ name: 'environment', required: false })
  @ApiQuery({ name: 'controlId', required: false })
  @ApiQuery({ name: 'days', required: false, description: '1–90, default 30' })
  @ApiQuery({
    name: 'until',
    required: false,
    description: 'last day (YYYY-MM-DD, UTC), default today',
  })
  @ApiOperation({
    summary:
      'Daily trend of the fleet or an environment, optionally one control: score and counts as of each day’s end',
  })
  fleetTrend(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(fleetTrendQuerySchema)) q: FleetTrendQueryDto,
  ): Promise<unknown> {
    return this.service.environmentTrend(actor, q.framework, {
      ...(q.environment ? { environment: q.environment } : {}),
      ...(q.controlId ? { controlId: q.controlId } : {}),
      days: q.days,
      until: q.until ? new Date(`${q.until}T00:00:00Z`) : new Date(),
    });
  }

  @Get('clusters/:id/compliance/:framework')
  @RequireRole('viewer')
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({
    summary:
      'A cluster’s results for a framework (newest, or as of a date), per control with evidence',
  })
  cluster(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Param('framework') framework: string,
    @Query(new ZodQuery(asOfQuerySchema)) q: AsOfQueryDto,
  ): Promise<unknown> {
    return this.service.clusterReport(actor, id, framework, q.asOf ? new Date(q.asOf) : undefined);
  }

  @Get('clusters/:id/compliance/:framework/controls/:controlId/trend')
  @RequireRole('viewer')
  @ApiQuery({ name: 'since', required: false })
  @ApiOperation({
    summary: 'A control’s history on a cluster: status and score per evaluation, oldest first',
  })
  trend(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Param('framework') framework: string,
    @Param('controlId') controlId: string,
    @Query(new ZodQuery(controlTrendQuerySchema)) q: ControlTrendQueryDto,
  ): Promise<unknown> {
    return this.service.trend(
      actor,
      id,
      framework,
      controlId,
      q.since ? new Date(q.since) : undefined,
    );
  }

  @Get('compliance/settings')
  @RequireRole('viewer')
  @ApiOperation({
    summary:
      'The organization’s compliance settings: the PCI cardholder-data environment and its declared flows',
  })
  settings(@CurrentPrincipal() actor: Principal): Promise<ComplianceSettingsModel> {
    return this.service.settings(actor);
  }

  @Put('compliance/settings')
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Declare the CDE { cde: { namespaceSelector?, podSelector? }, cdeAllowed?: { inbound?, outbound? }, retentionDays? } (audited); applies from the next analysed snapshot',
  })
  @ApiBody({
    schema: z.toJSONSchema(complianceSettingsSchema, { unrepresentable: 'any' }) as object,
  })
  putSettings(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(complianceSettingsSchema)) body: ComplianceSettingsDto,
  ): Promise<ComplianceSettingsModel> {
    return this.service.updateSettings(actor, body);
  }
}
