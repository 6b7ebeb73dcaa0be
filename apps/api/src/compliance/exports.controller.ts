import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  StreamableFile,
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
  EXPORT_FORMATS,
  exportQuerySchema,
  listPacksQuerySchema,
  type ExportQueryDto,
  type ListPacksQueryDto,
} from './dto/compliance.dto';
import { ExportsService } from './exports.service';
import type { EvidencePackModel } from './models/waiver.model';

const formatSchema = z.strictObject({ format: z.enum(EXPORT_FORMATS) });

/**
 * Compliance exports for auditors: JSON, CSV, PDF, Kubernetes PolicyReports and OSCAL
 * assessment results of a cluster, an environment or the fleet (now or as of a date), and
 * evidence packs — a zip of all of them with a manifest of SHA-256s chained to the previous
 * pack of the same scope, kept so tampering is detectable. Packs are built by the worker.
 */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/compliance')
@UseGuards(ApiKeyGuard)
export class ExportsController {
  constructor(@Inject(ExportsService) private readonly service: ExportsService) {}

  @Get('exports/:format')
  @RequireRole('viewer')
  @ApiQuery({ name: 'framework', required: true })
  @ApiQuery({
    name: 'scope',
    required: false,
    description: 'fleet (default), environment:<name> or cluster:<id>',
  })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({
    summary:
      'Export a report: json, csv, pdf, policyreport (a v1 List of ClusterPolicyReports, one per cluster) or oscal (assessment-results)',
  })
  async export(
    @CurrentPrincipal() actor: Principal,
    @Param('format') format: string,
    @Query(new ZodQuery(exportQuerySchema)) query: ExportQueryDto,
  ): Promise<StreamableFile | object> {
    const checked = validate(formatSchema, { format }, 'arguments');
    const rendered = await this.service.render(actor, checked.format, query);
    if (rendered.kind === 'json') return rendered.document;
    return new StreamableFile(rendered.content, {
      type: rendered.type,
      disposition: `attachment; filename="${rendered.filename}"`,
    });
  }

  @Post('evidence-packs')
  @HttpCode(202)
  @RequireRole('viewer')
  @ApiOperation({
    summary:
      'Request an evidence pack { framework, scope?, asOf? }: 202 { id, status: "building" }; the worker builds it (status ready, or failed with the error)',
  })
  @ApiBody({ schema: z.toJSONSchema(exportQuerySchema, { unrepresentable: 'any' }) as object })
  pack(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(exportQuerySchema)) body: ExportQueryDto,
  ): Promise<EvidencePackModel> {
    return this.service.requestPack(actor, body);
  }

  @Get('evidence-packs/:id/status')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One evidence pack: status, sha256, previousSha256, manifest' })
  packStatus(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<EvidencePackModel> {
    return this.service.pack(actor, id);
  }

  @Get('evidence-packs')
  @RequireRole('viewer')
  @Paginated()
  @ApiQuery({
    name: 'scope',
    required: false,
    description: '<framework>/<scope>, e.g. zero-trust/fleet',
  })
  @ApiOperation({
    summary: 'The evidence packs kept, oldest first, each naming the SHA-256 of the one before it',
  })
  packsList(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(listPacksQuerySchema)) query: ListPacksQueryDto,
  ): Promise<Page<EvidencePackModel>> {
    return this.service.listPacks(actor, { scope: query.scope }, pageRequest(query));
  }

  @Get('evidence-packs/:id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Download an evidence pack (zip)' })
  async download(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.service.download(actor, id), {
      type: 'application/zip',
      disposition: `attachment; filename="fenceline-evidence-${id}.zip"`,
    });
  }
}
