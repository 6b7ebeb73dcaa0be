import { Inject, Injectable } from '@nestjs/common';
import { type ComplianceJob } from '@fenceline/contracts';
import { evaluateFramework, FRAMEWORKS, type ComplianceContext } from '@fenceline/compliance';
import {
  ClusterRepository,
  ComplianceResultRepository,
  Database,
  PromotionRepository,
  SnapshotRepository,
  WaiverRepository,
} from '@fenceline/data-access';
import { storedInventory } from '../jobs/stored-inventory';

export interface ComplianceOutcome {
  readonly evaluated: boolean;
  readonly frameworks: number;
  readonly failing: number;
  readonly recorded: number;
}

/**
 * Evaluates every framework on an analysed snapshot and appends the results to the history
 * (one row per snapshot × framework × control; a retry records nothing twice). The PCI scope
 * comes from the organization's compliance settings, change control (1.2.2, 1.2.7) from its
 * promotions, waivers from the approved, unexpired ones; waivers that covered a failure are
 * marked used. History older than the organization's retention is pruned by the scheduled
 * `retention` job (RetentionService), not here.
 */
@Injectable()
export class ComplianceService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(PromotionRepository) private readonly promotions: PromotionRepository,
    @Inject(WaiverRepository) private readonly waivers: WaiverRepository,
    @Inject(ComplianceResultRepository) private readonly results: ComplianceResultRepository,
  ) {}

  async evaluate(job: ComplianceJob, now = new Date()): Promise<ComplianceOutcome> {
    const { organizationId, snapshotId } = job;
    const stored = await this.snapshots.get(organizationId, snapshotId);
    if (!stored) return { evaluated: false, frameworks: 0, failing: 0, recorded: 0 };
    const cluster = await this.clusters.get(organizationId, stored.clusterId);
    if (!cluster) return { evaluated: false, frameworks: 0, failing: 0, recorded: 0 };
    const loaded = await storedInventory(this.snapshots, organizationId, snapshotId);
    if (!loaded) return { evaluated: false, frameworks: 0, failing: 0, recorded: 0 };
    const { inventory, snapshot } = loaded;
    const org = await this.db.prisma.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { complianceSettings: true },
    });
    const settings = (org.complianceSettings ?? {}) as Pick<
      ComplianceContext,
      'cde' | 'cdeAllowed'
    >;
    const context: ComplianceContext = {
      inventory,
      ...(snapshot.source.cni ? { cni: snapshot.source.cni } : {}),
      ...(settings.cde ? { cde: settings.cde } : {}),
      ...(settings.cdeAllowed ? { cdeAllowed: settings.cdeAllowed } : {}),
      ...(await this.changeControl(organizationId, cluster.environment)),
      now: now.toISOString(),
    };
    const active = (await this.waivers.active(organizationId, now)).map((w) => ({
      id: w.id,
      controlId: w.controlId,
      scope: w.scope,
      expiresAt: w.expiresAt.toISOString(),
      ...(w.approvedBy ? { approvedBy: w.approvedBy } : {}),
    }));
    let failing = 0;
    let recorded = 0;
    const used = new Set<string>();
    for (const framework of FRAMEWORKS) {
      const report = evaluateFramework(framework, context, {
        waivers: active,
        cluster: cluster.name,
        now: now.toISOString(),
      });
      failing += report.summary.fail;
      report.usedWaivers.forEach((id) => used.add(id));
      recorded += await this.results.record(organizationId, {
        clusterId: cluster.id,
        snapshotId,
        framework: report.framework,
        frameworkVersion: report.version,
        evaluatedAt: now,
        results: report.controls.map((c) => ({
          id: c.id,
          status: c.status,
          score: c.score,
          evidence: c.waivedBy ? [...c.evidence, { waivedBy: c.waivedBy }] : c.evidence,
        })),
      });
    }
    await this.waivers.markUsed(organizationId, [...used], now);
    return { evaluated: true, frameworks: FRAMEWORKS.length, failing, recorded };
  }

  /**
   * PCI DSS 1.2.2 / 1.2.7 evidence from the platform's own records: the last change applied to
   * the cluster's environment with a second person's approval (also the last approved review),
   * and how many were applied without one (an admin's immediate rollback). Without any pin, the
   * environment has no change records and the controls say so.
   */
  private async changeControl(
    organizationId: string,
    environment: string,
  ): Promise<Pick<ComplianceContext, 'changeControl' | 'lastReviewAt'>> {
    const env = await this.promotions.environment(organizationId, environment);
    const pins = await this.promotions.pins(organizationId, { environmentId: env.id });
    if (pins.length === 0) return {};
    const applied = (
      await this.promotions.list(organizationId, { environmentId: env.id, status: 'applied' })
    ).filter((p) => p.decidedAt);
    const approved = applied.filter((p) => p.decidedBy !== null && p.decidedBy !== p.requestedBy);
    const last = approved
      .map((p) => p.decidedAt as Date)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    return {
      changeControl: {
        unapprovedChanges: applied.length - approved.length,
        ...(last ? { lastApprovedChangeAt: last.toISOString() } : {}),
      },
      ...(last ? { lastReviewAt: last.toISOString() } : {}),
    };
  }
}
