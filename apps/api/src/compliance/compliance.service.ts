import { Inject, Injectable } from '@nestjs/common';
import { FRAMEWORKS, type Framework } from '@fenceline/compliance';
import { ClusterRepository, ComplianceResultRepository, DataAccessError, type Cluster, type ControlStatus, type Principal } from '@fenceline/data-access';

export interface ControlView {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly status: ControlStatus;
  readonly score: number;
  readonly evidence: unknown;
}

export interface Summary {
  readonly pass: number;
  readonly fail: number;
  readonly notApplicable: number;
  readonly waived: number;
}

export interface ClusterComplianceReport {
  readonly cluster: { readonly id: string; readonly name: string; readonly environment: string };
  readonly framework: string;
  readonly version: string;
  readonly title: string;
  readonly snapshotId: string;
  readonly evaluatedAt: string;
  readonly score: number;
  readonly summary: Summary;
  readonly controls: readonly ControlView[];
}

/** Mean score of the applicable controls (pass, fail, waived); 1 when none applies — as libs/compliance scores. */
function scoreOf(controls: readonly ControlView[]): number {
  const applicable = controls.filter((c) => c.status !== 'not-applicable');
  return applicable.length === 0 ? 1 : applicable.reduce((sum, c) => sum + c.score, 0) / applicable.length;
}

function summaryOf(controls: readonly { status: ControlStatus }[]): Summary {
  const count = (status: ControlStatus) => controls.filter((c) => c.status === status).length;
  return { pass: count('pass'), fail: count('fail'), notApplicable: count('not-applicable'), waived: count('waived') };
}

function aggregate(reports: readonly ClusterComplianceReport[]): { clusters: number; score: number; summary: Summary; failingControls: string[] } {
  const controls = reports.flatMap((r) => r.controls);
  const failing = [...new Set(controls.filter((c) => c.status === 'fail').map((c) => c.id))].sort();
  return { clusters: reports.length, score: reports.length === 0 ? 1 : reports.reduce((s, r) => s + r.score, 0) / reports.length, summary: summaryOf(controls), failingControls: failing };
}

/**
 * Compliance reports from the stored history: per cluster (as of any date), per environment
 * and for the fleet, per control with evidence, and trends. Nothing is recomputed here: what
 * an auditor reads is what was recorded for the snapshot at the time.
 */
@Injectable()
export class ComplianceService {
  constructor(
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(ComplianceResultRepository) private readonly results: ComplianceResultRepository,
  ) {}

  framework(id: string): Framework {
    const framework = FRAMEWORKS.find((f) => f.id === id);
    if (!framework) throw new DataAccessError('INVALID', `framework ${JSON.stringify(id)} is not one of ${FRAMEWORKS.map((f) => f.id).join(', ')}`);
    return framework;
  }

  async clusterReport(actor: Principal, clusterId: string, frameworkId: string, asOf?: Date): Promise<ClusterComplianceReport> {
    const cluster = await this.clusters.get(actor.organizationId, clusterId);
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    const report = await this.reportOf(actor, cluster, this.framework(frameworkId), asOf);
    if (!report) throw new DataAccessError('NOT_FOUND', `cluster ${cluster.name} has no ${frameworkId} results${asOf ? ` as of ${asOf.toISOString()}` : ''} yet`);
    return report;
  }

  /** Every cluster's report (those with results), optionally of one environment. */
  async reports(actor: Principal, frameworkId: string, options: { environment?: string; asOf?: Date } = {}): Promise<ClusterComplianceReport[]> {
    const framework = this.framework(frameworkId);
    const clusters = (await this.clusters.list(actor.organizationId)).filter((c) => !options.environment || c.environment === options.environment);
    const reports: ClusterComplianceReport[] = [];
    for (const cluster of clusters) {
      const report = await this.reportOf(actor, cluster, framework, options.asOf);
      if (report) reports.push(report);
    }
    return reports;
  }

  async summary(actor: Principal, frameworkId: string, options: { environment?: string; asOf?: Date } = {}) {
    const framework = this.framework(frameworkId);
    const reports = await this.reports(actor, frameworkId, options);
    const environments = [...new Set(reports.map((r) => r.cluster.environment))];
    return {
      framework: framework.id,
      version: framework.version,
      title: framework.title,
      asOf: (options.asOf ?? new Date()).toISOString(),
      fleet: aggregate(reports),
      environments: environments.map((environment) => ({ environment, ...aggregate(reports.filter((r) => r.cluster.environment === environment)) })),
      clusters: reports.map((r) => ({ ...r.cluster, snapshotId: r.snapshotId, evaluatedAt: r.evaluatedAt, score: r.score, summary: r.summary })),
    };
  }

  async control(actor: Principal, frameworkId: string, controlId: string, options: { environment?: string; asOf?: Date } = {}) {
    const definition = this.framework(frameworkId).controls.find((c) => c.id === controlId);
    if (!definition) throw new DataAccessError('NOT_FOUND', `${frameworkId} has no control ${controlId}`);
    const reports = await this.reports(actor, frameworkId, options);
    return {
      framework: frameworkId,
      control: { id: definition.id, title: definition.title, description: definition.description, severity: definition.severity, references: definition.references ?? [] },
      clusters: reports.map((r) => {
        const result = r.controls.find((c) => c.id === controlId);
        return { ...r.cluster, evaluatedAt: r.evaluatedAt, snapshotId: r.snapshotId, status: result?.status ?? null, score: result?.score ?? null, evidence: result?.evidence ?? [] };
      }),
    };
  }

  async trend(actor: Principal, clusterId: string, frameworkId: string, controlId: string, since?: Date) {
    this.framework(frameworkId);
    const cluster = await this.clusters.get(actor.organizationId, clusterId);
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    const points = await this.results.trend(actor.organizationId, { clusterId, framework: frameworkId, controlId, ...(since ? { since } : {}) });
    return points.map((p) => ({ ...p, evaluatedAt: p.evaluatedAt.toISOString() }));
  }

  private async reportOf(actor: Principal, cluster: Cluster, framework: Framework, asOf?: Date): Promise<ClusterComplianceReport | undefined> {
    const rows = await this.results.asOf(actor.organizationId, cluster.id, framework.id, asOf);
    if (rows.length === 0) return undefined;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const controls: ControlView[] = framework.controls
      .filter((c) => byId.has(c.id))
      .map((c) => {
        const row = byId.get(c.id)!;
        return { id: c.id, title: c.title, severity: c.severity, status: row.status, score: row.score, evidence: row.evidence };
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
