import { Inject, Injectable } from '@nestjs/common';
import type { ExportJob } from '@fenceline/contracts';
import { FRAMEWORKS } from '@fenceline/compliance';
import {
  AuditEventRepository,
  ComplianceReports,
  Database,
  EvidencePackRepository,
  isCorruptData,
  systemActor,
} from '@fenceline/data-access';
import { buildEvidencePack } from '@fenceline/reports';

/** Who the audit log says built a pack. */
export const EXPORT_ACTOR = systemActor('export');

/**
 * Builds a requested evidence pack: the stored results of its scope (as of its date) in every
 * export format, zipped with a manifest of SHA-256s that names the previous ready pack of the
 * same scope. Jobs run one at a time, so the chain never forks.
 */
@Injectable()
export class ExportService {
  private readonly reports: ComplianceReports;

  constructor(
    @Inject(Database) db: Database,
    @Inject(EvidencePackRepository) private readonly packs: EvidencePackRepository,
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
  ) {
    this.reports = new ComplianceReports(db, FRAMEWORKS);
  }

  async build(job: ExportJob, final: boolean): Promise<{ built: boolean; sha256?: string }> {
    const pack = await this.packs.get(job.organizationId, job.packId);
    if (!pack || pack.status !== 'building') return { built: false };
    try {
      const scope = pack.scope.slice(pack.framework.length + 1);
      const { subject, reports } = await this.reports.exportInput(
        job.organizationId,
        pack.framework,
        scope,
        pack.asOf ?? undefined,
      );
      const previous = await this.packs.latestReady(job.organizationId, pack.scope);
      const built = await buildEvidencePack({
        subject,
        reports,
        ...(previous?.sha256 ? { previousPackSha256: previous.sha256 } : {}),
      });
      await this.packs.complete(job.organizationId, pack.id, {
        sha256: built.sha256,
        previousSha256: previous?.sha256 ?? null,
        manifest: built.manifest,
        zip: built.zip,
      });
      await this.audit.record(job.organizationId, {
        actor: EXPORT_ACTOR,
        action: 'evidence-pack.built',
        target: `evidence-pack/${pack.id}`,
        before: null,
        after: {
          scope: pack.scope,
          sha256: built.sha256,
          previousSha256: previous?.sha256 ?? null,
        },
      });
      return { built: true, sha256: built.sha256 };
    } catch (error) {
      // Retries first; the last attempt records why the pack could not be built (corrupt stored
      // data gets no retry: it is the last attempt).
      if (final || isCorruptData(error))
        await this.packs.fail(
          job.organizationId,
          pack.id,
          error instanceof Error ? error.message : String(error),
        );
      throw error;
    }
  }
}
