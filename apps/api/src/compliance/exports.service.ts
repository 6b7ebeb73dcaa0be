import { Inject, Injectable } from '@nestjs/common';
import { Database, DataAccessError, type Principal } from '@fenceline/data-access';
import type { ClusterFrameworkReport, ReportSubject } from '@fenceline/reports';
import { ComplianceService, type ClusterComplianceReport } from './compliance.service';

/** Turns stored compliance results into the input of the export formats (libs/reports). */
@Injectable()
export class ExportsService {
  constructor(
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(Database) private readonly db: Database,
  ) {}

  async collect(actor: Principal, framework: string, scope: string, asOf?: Date): Promise<{ subject: ReportSubject; reports: ClusterFrameworkReport[] }> {
    const [kind, name] = scope.includes(':') ? (scope.split(':', 2) as [string, string]) : [scope, 'fleet'];
    let reports: ClusterComplianceReport[];
    if (kind === 'cluster') reports = [await this.compliance.clusterReport(actor, name, framework, asOf)];
    else reports = await this.compliance.reports(actor, framework, { ...(kind === 'environment' ? { environment: name } : {}), ...(asOf ? { asOf } : {}) });
    if (reports.length === 0) throw new DataAccessError('NOT_FOUND', `no ${framework} results for ${scope}${asOf ? ` as of ${asOf.toISOString()}` : ''} yet`);
    const org = await this.db.prisma.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true } });
    const generatedAt = new Date().toISOString();
    const subject: ReportSubject = {
      organization: org.name,
      scope: { kind: kind as ReportSubject['scope']['kind'], name: kind === 'cluster' ? (reports[0]?.cluster.name ?? name) : name },
      clusters: reports.map((r) => ({ ...r.cluster, snapshotId: r.snapshotId, evaluatedAt: r.evaluatedAt })),
      generatedAt,
      ...(asOf ? { asOf: asOf.toISOString() } : {}),
    };
    return {
      subject,
      reports: reports.map((r) => ({
        cluster: r.cluster,
        snapshotId: r.snapshotId,
        evaluatedAt: r.evaluatedAt,
        report: {
          framework: r.framework,
          version: r.version,
          title: r.title,
          score: r.score,
          summary: r.summary,
          controls: r.controls.map((c) => ({ id: c.id, title: c.title, severity: c.severity as 'low' | 'medium' | 'high' | 'critical', status: c.status, score: c.score, evidence: (Array.isArray(c.evidence) ? c.evidence : []) as Record<string, unknown>[] })),
        },
      })),
    };
  }
}
