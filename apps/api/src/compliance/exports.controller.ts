import { Body, Controller, Get, Inject, Param, Post, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { actorOf, AuditEventRepository, DataAccessError, EvidencePackRepository, type Principal } from '@fenceline/data-access';
import { buildEvidencePack, toCsvExport, toJsonExport, toOscalAssessmentResults, toPdfReport, toPolicyReport } from '@fenceline/reports';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';
import { ExportsService } from './exports.service';

const FORMATS = ['json', 'csv', 'pdf', 'policyreport', 'oscal'] as const;
const exportQuery = z.strictObject({
  framework: z.string().min(1).max(32),
  scope: z.string().regex(/^(fleet|environment:[a-z0-9-]{1,63}|cluster:[0-9a-f-]{36})$/, 'fleet, environment:<name> or cluster:<id>').default('fleet'),
  asOf: z.iso.datetime({ offset: true }).optional(),
});
const packBody = exportQuery;

/**
 * Compliance exports for auditors: JSON, CSV, PDF, Kubernetes PolicyReports and OSCAL
 * assessment results of a cluster, an environment or the fleet (now or as of a date), and
 * evidence packs — a zip of all of them with a manifest of SHA-256s chained to the previous
 * pack of the same scope, kept so tampering is detectable.
 */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/compliance')
@UseGuards(ApiKeyGuard)
export class ExportsController {
  constructor(
    @Inject(ExportsService) private readonly exports: ExportsService,
    @Inject(EvidencePackRepository) private readonly packs: EvidencePackRepository,
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
  ) {}

  @Get('exports/:format')
  @RequireRole('viewer')
  @ApiQuery({ name: 'framework', required: true })
  @ApiQuery({ name: 'scope', required: false, description: 'fleet (default), environment:<name> or cluster:<id>' })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({ summary: 'Export a report: json, csv, pdf, policyreport (a v1 List of ClusterPolicyReports, one per cluster) or oscal (assessment-results)' })
  async export(@CurrentPrincipal() actor: Principal, @Param('format') format: string, @Query() query: Record<string, string>): Promise<StreamableFile | object> {
    if (!(FORMATS as readonly string[]).includes(format)) throw new DataAccessError('INVALID', `format ${JSON.stringify(format)} is not one of ${FORMATS.join(', ')}`);
    const q = new ZodBody(exportQuery).transform(query);
    const { subject, reports } = await this.exports.collect(actor, q.framework, q.scope, q.asOf ? new Date(q.asOf) : undefined);
    const name = `fenceline-${q.framework}-${q.scope.replace(':', '-')}`;
    const file = (content: string | Buffer, ext: string, type: string): StreamableFile =>
      new StreamableFile(typeof content === 'string' ? Buffer.from(content) : content, { type, disposition: `attachment; filename="${name}.${ext}"` });
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
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Build and keep an evidence pack { framework, scope?, asOf? }: 201 { id, scope, sha256, previousSha256, manifest } (audited)' })
  @ApiBody({ schema: z.toJSONSchema(packBody, { unrepresentable: 'any' }) as object })
  async pack(@CurrentPrincipal() actor: Principal, @Body(new ZodBody(packBody)) body: z.infer<typeof packBody>): Promise<object> {
    const { subject, reports } = await this.exports.collect(actor, body.framework, body.scope, body.asOf ? new Date(body.asOf) : undefined);
    const scope = `${body.framework}/${body.scope}`;
    const previous = await this.packs.latest(actor.organizationId, scope);
    const built = await buildEvidencePack({ subject, reports, ...(previous ? { previousPackSha256: previous.sha256 } : {}) });
    const stored = await this.packs.store(actor.organizationId, { scope, sha256: built.sha256, previousSha256: previous?.sha256 ?? null, manifest: built.manifest, zip: built.zip, createdBy: actorOf(actor) });
    await this.audit.record(actor.organizationId, { actor: actorOf(actor), action: 'evidence-pack.created', target: `evidence-pack/${stored.id}`, before: null, after: { scope, sha256: stored.sha256, previousSha256: stored.previousSha256 } });
    return { ...stored, createdAt: stored.createdAt.toISOString() };
  }

  @Get('evidence-packs')
  @RequireRole('viewer')
  @ApiQuery({ name: 'scope', required: false, description: '<framework>/<scope>, e.g. zero-trust/fleet' })
  @ApiOperation({ summary: 'The evidence packs kept, oldest first, each naming the SHA-256 of the one before it' })
  async packsList(@CurrentPrincipal() actor: Principal, @Query('scope') scope?: string): Promise<object[]> {
    return (await this.packs.list(actor.organizationId, scope)).map((p) => ({ ...p, createdAt: p.createdAt.toISOString() }));
  }

  @Get('evidence-packs/:id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Download an evidence pack (zip)' })
  async download(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<StreamableFile> {
    const zip = await this.packs.zip(actor.organizationId, id);
    if (!zip) throw new DataAccessError('NOT_FOUND', `evidence pack ${id} not found`);
    return new StreamableFile(zip, { type: 'application/zip', disposition: `attachment; filename="fenceline-evidence-${id}.zip"` });
  }
}
