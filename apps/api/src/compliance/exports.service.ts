import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DomainError, EXPORT_JOB_OPTIONS, QUEUES, type ExportJob } from '@fenceline/contracts';
import {
  actorOf,
  ComplianceReports,
  DataAccessError,
  EvidencePackRepository,
  type Page,
  type PageRequest,
  type Principal,
} from '@fenceline/data-access';
import {
  toCsvExport,
  toJsonExport,
  toOscalAssessmentResults,
  toPdfReport,
  toPolicyReport,
} from '@fenceline/reports';
import type { ExportFormat, ExportQueryDto } from './dto/compliance.dto';
import { toPackModel, type EvidencePackModel } from './models/waiver.model';

/** A rendered export: a file to download, or a JSON document answered as such. */
export type RenderedExport =
  | {
      readonly kind: 'file';
      readonly content: Buffer;
      readonly type: string;
      readonly filename: string;
    }
  | { readonly kind: 'json'; readonly document: object };

/**
 * Compliance exports for auditors (rendered here, from the stored results) and evidence packs
 * (recorded here, built by the worker from the `export` queue).
 */
@Injectable()
export class ExportsService {
  constructor(
    @Inject(ComplianceReports) private readonly store: ComplianceReports,
    @Inject(EvidencePackRepository) private readonly packs: EvidencePackRepository,
    @InjectQueue(QUEUES.export) private readonly queue: Queue<ExportJob>,
  ) {}

  /** A report of a scope (now or as of a date) in one of the export formats. */
  async render(
    actor: Principal,
    format: ExportFormat,
    query: ExportQueryDto,
  ): Promise<RenderedExport> {
    const { subject, reports } = await this.store.exportInput(
      actor.organizationId,
      query.framework,
      query.scope,
      query.asOf ? new Date(query.asOf) : undefined,
    );
    const name = `fenceline-${query.framework}-${query.scope.replace(':', '-')}`;
    const file = (content: string | Buffer, ext: string, type: string): RenderedExport => ({
      kind: 'file',
      content: typeof content === 'string' ? Buffer.from(content) : content,
      type,
      filename: `${name}.${ext}`,
    });
    switch (format) {
      case 'csv':
        return file(toCsvExport(reports), 'csv', 'text/csv; charset=utf-8');
      case 'pdf':
        return file(await toPdfReport(subject, reports), 'pdf', 'application/pdf');
      case 'policyreport':
        return {
          kind: 'json',
          document: { apiVersion: 'v1', kind: 'List', items: reports.map(toPolicyReport) },
        };
      case 'oscal':
        return { kind: 'json', document: toOscalAssessmentResults(subject, reports) };
      case 'json':
        return file(toJsonExport(subject, reports), 'json', 'application/json');
    }
  }

  /**
   * Records a pack request (audited in the same transaction) and queues its build; a scope
   * without results fails here, not in the worker.
   */
  async requestPack(actor: Principal, input: ExportQueryDto): Promise<EvidencePackModel> {
    const asOf = input.asOf ? new Date(input.asOf) : undefined;
    await this.store.exportInput(actor.organizationId, input.framework, input.scope, asOf);
    const pack = await this.packs.request(actor.organizationId, {
      scope: `${input.framework}/${input.scope}`,
      framework: input.framework,
      ...(asOf ? { asOf } : {}),
      createdBy: actorOf(actor),
    });
    await this.queue.add(
      QUEUES.export,
      { organizationId: actor.organizationId, packId: pack.id },
      { ...EXPORT_JOB_OPTIONS, jobId: `export-${pack.id}` },
    );
    return toPackModel(pack);
  }

  async pack(actor: Principal, id: string): Promise<EvidencePackModel> {
    const pack = await this.packs.get(actor.organizationId, id);
    if (!pack) throw new DataAccessError('NOT_FOUND', `evidence pack ${id} not found`);
    return toPackModel(pack);
  }

  /** One page of the packs kept, oldest first. */
  async listPacks(
    actor: Principal,
    filter: { scope?: string | undefined },
    page: PageRequest,
  ): Promise<Page<EvidencePackModel>> {
    const found = await this.packs.page(
      actor.organizationId,
      filter.scope ? { scope: filter.scope } : {},
      page,
    );
    return { items: found.items.map(toPackModel), nextCursor: found.nextCursor };
  }

  /** A ready pack's zip; a pack still building (or failed) is NOT_READY. */
  async download(actor: Principal, id: string): Promise<Buffer> {
    const pack = await this.pack(actor, id);
    if (pack.status !== 'ready')
      throw new DomainError(
        'NOT_READY',
        `evidence pack ${id} is ${pack.status}${pack.error ? `: ${pack.error}` : ''}`,
      );
    const zip = await this.packs.zip(actor.organizationId, id);
    if (!zip) throw new DataAccessError('NOT_FOUND', `evidence pack ${id} not found`);
    return zip;
  }
}
