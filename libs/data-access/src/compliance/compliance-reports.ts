import { frameworkScore, statusCounts, type StatusCounts } from '@fenceline/compliance';
import type { Database } from '../database';
import { DataAccessError } from '../data-access-error';
import { ClusterRepository, type Cluster } from '../clusters/cluster.repository';
import { ComplianceResultRepository, type ControlStatus } from './compliance-result.repository';

/** What the reports need of a framework definition (libs/compliance's FRAMEWORKS fit it). */
export interface FrameworkDefinition {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly controls: readonly {
    readonly id: string;
    readonly title: string;
    readonly severity: string;
  }[];
}

export interface ControlView {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly status: ControlStatus;
  readonly score: number;
  readonly evidence: readonly Readonly<Record<string, unknown>>[];
}

/** Controls counted by status (libs/compliance's {@link StatusCounts}). */
export type ComplianceSummaryCounts = StatusCounts;

export interface ClusterComplianceReport {
  readonly cluster: { readonly id: string; readonly name: string; readonly environment: string };
  readonly framework: string;
  readonly version: string;
  readonly title: string;
  readonly snapshotId: string;
  readonly evaluatedAt: string;
  readonly score: number;
  readonly summary: ComplianceSummaryCounts;
  readonly controls: readonly ControlView[];
}

type ExportSeverity = 'low' | 'medium' | 'high' | 'critical';

/** The subject of an export (structurally libs/reports' ReportSubject). */
export interface ExportSubject {
  readonly organization: string;
  readonly scope: { readonly kind: 'fleet' | 'environment' | 'cluster'; readonly name: string };
  readonly clusters: readonly {
    readonly id: string;
    readonly name: string;
    readonly environment: string;
    readonly snapshotId: string;
    readonly evaluatedAt: string;
  }[];
  readonly generatedAt: string;
  readonly asOf?: string;
}

/** One cluster's framework report for an export (structurally libs/reports' ClusterFrameworkReport). */
export interface ExportClusterReport {
  readonly cluster: { readonly id: string; readonly name: string; readonly environment: string };
  readonly snapshotId: string;
  readonly evaluatedAt: string;
  readonly report: {
    readonly framework: string;
    readonly version: string;
    readonly title: string;
    readonly score: number;
    readonly summary: ComplianceSummaryCounts;
    readonly controls: readonly {
      readonly id: string;
      readonly title: string;
      readonly severity: ExportSeverity;
      readonly status: ControlStatus;
      readonly score: number;
      readonly evidence: Record<string, unknown>[];
    }[];
  };
}

/** `fleet`, `environment:<name>` or `cluster:<id>`. */
export type ReportScope = string;

/** Mean score of the applicable controls; 1 when none applies (libs/compliance's formula). */
export const scoreOf: (controls: readonly ControlView[]) => number = frameworkScore;

/** The controls counted by status (libs/compliance's). */
export const summaryOf: (
  controls: readonly { status: ControlStatus }[],
) => ComplianceSummaryCounts = statusCounts;

/**
 * Reports read from the stored history (never recomputed: what an auditor reads is what was
 * recorded for the snapshot at the time), shared by the API and the worker's export builder.
 */
export class ComplianceReports {
  private readonly clusters: ClusterRepository;
  private readonly results: ComplianceResultRepository;

  constructor(
    private readonly db: Database,
    private readonly frameworks: readonly FrameworkDefinition[],
  ) {
    this.clusters = new ClusterRepository(db);
    this.results = new ComplianceResultRepository(db);
  }

  framework(id: string): FrameworkDefinition {
    const framework = this.frameworks.find((f) => f.id === id);
    if (!framework)
      throw new DataAccessError(
        'INVALID',
        `framework ${JSON.stringify(id)} is not one of ${this.frameworks.map((f) => f.id).join(', ')}`,
      );
    return framework;
  }

  async clusterReport(
    organizationId: string,
    clusterId: string,
    frameworkId: string,
    asOf?: Date,
  ): Promise<ClusterComplianceReport> {
    const cluster = await this.clusters.get(organizationId, clusterId);
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    const report = await this.reportOf(organizationId, cluster, this.framework(frameworkId), asOf);
    if (!report)
      throw new DataAccessError(
        'NOT_FOUND',
        `cluster ${cluster.name} has no ${frameworkId} results${asOf ? ` as of ${asOf.toISOString()}` : ''} yet`,
      );
    return report;
  }

  /** Every cluster's report (those with results), optionally of one environment. */
  async reports(
    organizationId: string,
    frameworkId: string,
    options: { environment?: string; asOf?: Date } = {},
  ): Promise<ClusterComplianceReport[]> {
    const framework = this.framework(frameworkId);
    const clusters = (await this.clusters.list(organizationId)).filter(
      (c) => !options.environment || c.environment === options.environment,
    );
    const reports: ClusterComplianceReport[] = [];
    for (const cluster of clusters) {
      const report = await this.reportOf(organizationId, cluster, framework, options.asOf);
      if (report) reports.push(report);
    }
    return reports;
  }

  /** The reports of a scope, for exports; NOT_FOUND when the scope has none. */
  async forScope(
    organizationId: string,
    frameworkId: string,
    scope: ReportScope,
    asOf?: Date,
  ): Promise<{
    kind: 'fleet' | 'environment' | 'cluster';
    name: string;
    reports: ClusterComplianceReport[];
  }> {
    const [kind, name] = scope.includes(':')
      ? (scope.split(':', 2) as [string, string])
      : [scope, 'fleet'];
    if (kind !== 'fleet' && kind !== 'environment' && kind !== 'cluster')
      throw new DataAccessError(
        'INVALID',
        `scope ${JSON.stringify(scope)}: fleet, environment:<name> or cluster:<id>`,
      );
    const reports =
      kind === 'cluster'
        ? [await this.clusterReport(organizationId, name, frameworkId, asOf)]
        : await this.reports(organizationId, frameworkId, {
            ...(kind === 'environment' ? { environment: name } : {}),
            ...(asOf ? { asOf } : {}),
          });
    if (reports.length === 0)
      throw new DataAccessError(
        'NOT_FOUND',
        `no ${frameworkId} results for ${scope}${asOf ? ` as of ${asOf.toISOString()}` : ''} yet`,
      );
    return { kind, name: kind === 'cluster' ? (reports[0]?.cluster.name ?? name) : name, reports };
  }

  /**
   * The input of the export formats (libs/reports: a subject and one framework report per
   * cluster) for a scope, from the stored results.
   */
  async exportInput(
    organizationId: string,
    frameworkId: string,
    scope: ReportScope,
    asOf?: Date,
    now = new Date(),
  ): Promise<{ subject: ExportSubject; reports: ExportClusterReport[] }> {
    const { kind, name, reports } = await this.forScope(organizationId, frameworkId, scope, asOf);
    const org = await this.db.prisma.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { name: true },
    });
    return {
      subject: {
        organization: org.name,
        scope: { kind, name },
        clusters: reports.map((r) => ({
          ...r.cluster,
          snapshotId: r.snapshotId,
          evaluatedAt: r.evaluatedAt,
        })),
        generatedAt: now.toISOString(),
        ...(asOf ? { asOf: asOf.toISOString() } : {}),
      },
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
          controls: r.controls.map((c) => ({
            id: c.id,
            title: c.title,
            severity: c.severity as ExportSeverity,
            status: c.status,
            score: c.score,
            evidence: [...c.evidence],
          })),
        },
      })),
    };
  }

  private async reportOf(
    organizationId: string,
    cluster: Cluster,
    framework: FrameworkDefinition,
    asOf?: Date,
  ): Promise<ClusterComplianceReport | undefined> {
    const rows = await this.results.asOf(organizationId, cluster.id, framework.id, asOf);
    if (rows.length === 0) return undefined;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const controls: ControlView[] = framework.controls
      .filter((c) => byId.has(c.id))
      .map((c) => {
        const row = byId.get(c.id)!;
        return {
          id: c.id,
          title: c.title,
          severity: c.severity,
          status: row.status,
          score: row.score,
          evidence: row.evidence,
        };
      });
    const first = rows[0]!;
    return {
      cluster: { id: cluster.id, name: cluster.name, environment: cluster.environment },
      framework: framework.id,
      version: first.frameworkVersion,
      title: framework.title,
      snapshotId: first.snapshotId,
      evaluatedAt: first.evaluatedAt.toISOString(),
      score: scoreOf(controls),
      summary: summaryOf(controls),
      controls,
    };
  }
}
