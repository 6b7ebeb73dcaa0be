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
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DomainError, EXPORT_JOB_OPTIONS, QUEUES, type ExportJob } from '@fenceline/contracts';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  actorOf,
  DataAccessError,
  EvidencePackRepository,
  type Principal,
  type StoredEvidencePack,
} from '@fenceline/data-access';
import {
  toCsvExport,
  toJsonExport,
  toOscalAssessmentResults,
  toPdfReport,
  toPolicyReport,
} from '@fenceline/reports';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';
import { ComplianceService } from './compliance.service';

const FORMATS = ['json', 'csv', 'pdf', 'policyreport', 'oscal'] as const;
const exportQuery = z.strictObject({
  framework: z.string().min(1).max(32),
  scope: z
    .string()
    .regex(
      /^(fleet|environment:[a-z0-9-]{1,63}|cluster:[0-9a-f-]{36})$/,
      'fleet, environment:<name> or cluster:<id>',
    )
    .default('fleet'),
  asOf: z.iso.datetime({ offset: true }).optional(),
});
const packBody = exportQuery;

function packView(p: StoredEvidencePack): Record<string, unknown> {
  return {
    ...p,
    asOf: p.asOf?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    readyAt: p.readyAt?.toISOString() ?? null,
  };
}

/**
 * Compliance exports for auditors: JSON, CSV, PDF, Kubernetes PolicyReports and OSCAL
 * assessment results of a cluster, an environment or the fleet (now or as of a date), and
 * evidence packs — a zip of all of them with a manifest of SHA-256s chained to the previous
 * pack of the same scope, kept so tampering is detectable. Packs (the large exports) are built
 * by the worker.
 */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/compliance')
@UseGuards(ApiKeyGuard)
export class ExportsController {
  constructor(
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(EvidencePackRepository) private readonly packs: EvidencePackRepository,
    @InjectQueue(QUEUES.export) private readonly queue: Queue<ExportJob>,
  ) {}

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
    @Query() query: Record<string, string>,
  ): Promise<StreamableFile | object> {
    if (!(FORMATS as readonly string[]).includes(format))
      throw new DataAccessError(
        'INVALID',
        `format ${JSON.stringify(format)} is not one of ${FORMATS.join(', ')}`,
      );
    const q = new ZodBody(exportQuery).transform(query);
    const { subject, reports } = await this.compliance.store.exportInput(
      actor.organizationId,
      q.framework,
      q.scope,
      q.asOf ? new Date(q.asOf) : undefined,
    );
    const name = `fenceline-${q.framework}-${q.scope.replace(':', '-')}`;
    const file = (content: string | Buffer, ext: string, type: string): StreamableFile =>
      new StreamableFile(typeof content === 'string' ? Buffer.from(content) : content, {
        type,
        disposition: `attachment; filename="${name}.${ext}"`,
      });
    switch (format) {
      case 'csv':
        return file(toCsvExport(reports), 'csv', 'text/csv; charset=utf-8');
      case 'pdf':
        return file(await toPdfReport(subject, reports), 'pdf', 'application/pdf');
      case 'policyreport':
        return { apiVersion: 'v1', kind: 'List', items: reports.map(toPolicyReport) };
      case 'oscal':
        return toOscalAssessmentResults(subject, reports);
      default:
        return file(toJsonExport(subject, reports), 'json', 'application/json');
    }
  }

  @Post('evidence-packs')
  @HttpCode(202)
  @RequireRole('viewer')
  @ApiOperation({
    summary:
      'Request an evidence pack { framework, scope?, asOf? }: 202 { id, status: "building" }; the worker builds it (status ready, or failed with the error)',
  })
  @ApiBody({ schema: z.toJSONSchema(packBody, { unrepresentable: 'any' }) as object })
  async pack(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(packBody)) body: z.infer<typeof packBody>,
  ): Promise<object> {
    // Fail fast on a scope without results, rather than in the worker.
    await this.compliance.store.exportInput(
      actor.organizationId,
      body.framework,
      body.scope,
      body.asOf ? new Date(body.asOf) : undefined,
    );
    const pack = await this.packs.request(actor.organizationId, {
      scope: `${body.framework}/${body.scope}`,
      framework: body.framework,
      ...(body.asOf ? { asOf: new Date(body.asOf) } : {}),
      createdBy: actorOf(actor),
    });
    await this.queue.add(
      QUEUES.export,
      { organizationId: actor.organizationId, packId: pack.id },
      { ...EXPORT_JOB_OPTIONS, jobId: `export-${pack.id}` },
    );
    return packView(pack);
  }

  @Get('evidence-packs/:id/status')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One evidence pack: status, sha256, previousSha256, manifest' })
  async packStatus(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<object> {
    const pack = await this.packs.get(actor.organizationId, id);
    if (!pack) throw new DataAccessError('NOT_FOUND', `evidence pack ${id} not found`);
    return packView(pack);
  }

  @Get('evidence-packs')
  @RequireRole('viewer')
  @ApiQuery({
    name: 'scope',
    required: false,
    description: '<framework>/<scope>, e.g. zero-trust/fleet',
  })
  @ApiOperation({
    summary: 'The evidence packs kept, oldest first, each naming the SHA-256 of the one before it',
  })
  async packsList(
    @CurrentPrincipal() actor: Principal,
    @Query('scope') scope?: string,
  ): Promise<object[]> {
    return (await this.packs.list(actor.organizationId, scope)).map(packView);
  }

  @Get('evidence-packs/:id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Download an evidence pack (zip)' })
  async download(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    const pack = await this.packs.get(actor.organizationId, id);
    if (!pack) throw new DataAccessError('NOT_FOUND', `evidence pack ${id} not found`);
    if (pack.status !== 'ready')
      throw new DomainError(
        'NOT_READY',
        `evidence pack ${id} is ${pack.status}${pack.error ? `: ${pack.error}` : ''}`,
      );
    const zip = (await this.packs.zip(actor.organizationId, id)) as Buffer;
    return new StreamableFile(zip, {
      type: 'application/zip',
      disposition: `attachment; filename="fenceline-evidence-${id}.zip"`,
    });
  }
}
