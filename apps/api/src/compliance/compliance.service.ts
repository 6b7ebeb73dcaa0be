import { Inject, Injectable } from '@nestjs/common';
import { FRAMEWORKS } from '@fenceline/compliance';
import {
  actorOf,
  ClusterRepository,
  ComplianceReports,
  ComplianceResultRepository,
  DataAccessError,
  OrganizationRepository,
  summaryOf,
  type ClusterComplianceReport,
  type ComplianceSummaryCounts,
  type Principal,
} from '@fenceline/data-access';
import type { ComplianceSettingsDto } from './dto/compliance-settings.dto';
import type { ComplianceSummaryModel } from './models/compliance-summary.model';

/** The organization's compliance settings as the API shows them: the CDE, its flows, the retention. */
export type ComplianceSettingsModel = Readonly<Record<string, unknown>> & {
  readonly retentionDays: number;
};

export type { ClusterComplianceReport } from '@fenceline/data-access';

function aggregate(reports: readonly ClusterComplianceReport[]): {
  clusters: number;
  score: number;
  summary: ComplianceSummaryCounts;
  failingControls: string[];
} {
  const controls = reports.flatMap((r) => r.controls);
  const failing = [...new Set(controls.filter((c) => c.status === 'fail').map((c) => c.id))].sort();
  return {
    clusters: reports.length,
    score: reports.length === 0 ? 1 : reports.reduce((s, r) => s + r.score, 0) / reports.length,
    summary: summaryOf(controls),
    failingControls: failing,
  };
}

/**
 * Compliance reports from the stored history: per cluster (as of any date), per environment
 * and for the fleet, per control with evidence, and trends. Nothing is recomputed here: what
 * an auditor reads is what was recorded for the snapshot at the time.
 */
@Injectable()
export class ComplianceService {
  constructor(
    @Inject(ComplianceReports) private readonly store: ComplianceReports,
    @Inject(ComplianceResultRepository) private readonly results: ComplianceResultRepository,
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(OrganizationRepository) private readonly organizations: OrganizationRepository,
  ) {}

  /** The frameworks and their controls, as data. */
  frameworks() {
    return FRAMEWORKS.map((f) => ({
      id: f.id,
      version: f.version,
      title: f.title,
      controls: f.controls.map((c) => ({
        id: c.id,
        title: c.title,
        description: c.description,
        severity: c.severity,
        references: c.references ?? [],
      })),
    }));
  }

  async settings(actor: Principal): Promise<ComplianceSettingsModel> {
    const stored = await this.organizations.complianceSettings(actor.organizationId);
    return { ...stored.settings, retentionDays: stored.retentionDays };
  }

  /** Replaces the settings; the change and its audit event (before and after) are one transaction. */
  async updateSettings(
    actor: Principal,
    input: ComplianceSettingsDto,
  ): Promise<ComplianceSettingsModel> {
    const { retentionDays, ...settings } = input;
    const stored = await this.organizations.updateComplianceSettings(
      actor.organizationId,
      { settings, ...(retentionDays !== undefined ? { retentionDays } : {}) },
      { actor: actorOf(actor) },
    );
    return { ...stored.settings, retentionDays: stored.retentionDays };
  }

  framework(id: string): (typeof FRAMEWORKS)[number] {
    const framework = FRAMEWORKS.find((f) => f.id === id);
    if (!framework)
      throw new DataAccessError(
        'INVALID',
        `framework ${JSON.stringify(id)} is not one of ${FRAMEWORKS.map((f) => f.id).join(', ')}`,
      );
    return framework;
  }

  clusterReport(
    actor: Principal,
    clusterId: string,
    frameworkId: string,
    asOf?: Date,
  ): Promise<ClusterComplianceReport> {
    return this.store.clusterReport(actor.organizationId, clusterId, frameworkId, asOf);
  }

  /** Every cluster's report (those with results), optionally of one environment. */
  reports(
    actor: Principal,
    frameworkId: string,
    options: { environment?: string; asOf?: Date } = {},
  ): Promise<ClusterComplianceReport[]> {
    return this.store.reports(actor.organizationId, frameworkId, options);
  }

  async summary(
    actor: Principal,
    frameworkId: string,
    options: { environment?: string; asOf?: Date } = {},
  ): Promise<ComplianceSummaryModel> {
    const framework = this.framework(frameworkId);
    const reports = await this.reports(actor, frameworkId, options);
    const environments = [...new Set(reports.map((r) => r.cluster.environment))];
    return {
      framework: framework.id,
      version: framework.version,
      title: framework.title,
      asOf: (options.asOf ?? new Date()).toISOString(),
      fleet: aggregate(reports),
      environments: environments.map((environment) => ({
        environment,
        ...aggregate(reports.filter((r) => r.cluster.environment === environment)),
      })),
      clusters: reports.map((r) => ({
        ...r.cluster,
        snapshotId: r.snapshotId,
        evaluatedAt: r.evaluatedAt,
        score: r.score,
        summary: r.summary,
      })),
    };
  }

  async control(
    actor: Principal,
    frameworkId: string,
    controlId: string,
    options: { environment?: string; asOf?: Date } = {},
  ) {
    const definition = this.framework(frameworkId).controls.find((c) => c.id === controlId);
    if (!definition)
      throw new DataAccessError('NOT_FOUND', `${frameworkId} has no control ${controlId}`);
    const reports = await this.reports(actor, frameworkId, options);
    return {
      framework: frameworkId,
      control: {
        id: definition.id,
        title: definition.title,
        description: definition.description,
        severity: definition.severity,
        references: definition.references ?? [],
      },
      clusters: reports.map((r) => {
        const result = r.controls.find((c) => c.id === controlId);
        return {
          ...r.cluster,
          evaluatedAt: r.evaluatedAt,
          snapshotId: r.snapshotId,
          status: result?.status ?? null,
          score: result?.score ?? null,
          evidence: result?.evidence ?? [],
        };
      }),
    };
  }

  /**
   * A daily series for the fleet or an environment (optionally one control): each day's point is
   * the results as they stood at the end of that day (UTC).
   */
  async environmentTrend(
    actor: Principal,
    frameworkId: string,
    options: { environment?: string; controlId?: string; days: number; until: Date },
  ) {
    this.framework(frameworkId);
    const points = [];
    for (let i = options.days - 1; i >= 0; i--) {
      const day = new Date(
        Date.UTC(
          options.until.getUTCFullYear(),
          options.until.getUTCMonth(),
          options.until.getUTCDate() - i,
          23,
          59,
          59,
          999,
        ),
      );
      const reports = await this.reports(actor, frameworkId, {
        ...(options.environment ? { environment: options.environment } : {}),
        asOf: day,
      });
      const controls = reports.flatMap((r) =>
        r.controls.filter((c) => !options.controlId || c.id === options.controlId),
      );
      const applicable = controls.filter((c) => c.status !== 'not-applicable');
      const score = options.controlId
        ? applicable.length === 0
          ? null
          : applicable.reduce((sum, c) => sum + c.score, 0) / applicable.length
        : reports.length === 0
          ? null
          : reports.reduce((sum, r) => sum + r.score, 0) / reports.length;
      points.push({
        date: day.toISOString().slice(0, 10),
        clusters: reports.length,
        score,
        summary: summaryOf(controls),
      });
    }
    return {
      framework: frameworkId,
      environment: options.environment ?? null,
      controlId: options.controlId ?? null,
      points,
    };
  }

  async trend(
    actor: Principal,
    clusterId: string,
    frameworkId: string,
    controlId: string,
    since?: Date,
  ) {
    this.framework(frameworkId);
    if (!(await this.clusters.get(actor.organizationId, clusterId)))
      throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    const points = await this.results.trend(actor.organizationId, {
      clusterId,
      framework: frameworkId,
      controlId,
      ...(since ? { since } : {}),
    });
    return points.map((p) => ({ ...p, evaluatedAt: p.evaluatedAt.toISOString() }));
  }
}
