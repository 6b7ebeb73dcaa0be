import type { Database } from '../database';
import { ComplianceResultRepository } from '../compliance/compliance-result.repository';
import { SnapshotRepository } from '../snapshots/snapshot.repository';

/** What one retention pass deleted in one organization. */
export interface RetentionOutcome {
  readonly snapshots: number;
  readonly complianceResults: number;
}

/**
 * Retention as periodic maintenance (the worker's `retention` job): the same rules the
 * repositories apply per cluster and per organization, over every cluster of an organization.
 */
export class RetentionRepository {
  private readonly snapshots: SnapshotRepository;
  private readonly results: ComplianceResultRepository;

  constructor(private readonly db: Database) {
    this.snapshots = new SnapshotRepository(db);
    this.results = new ComplianceResultRepository(db);
  }

  /** Every organization's id, oldest first: the maintenance job visits each. */
  async organizationIds(): Promise<string[]> {
    const rows = await this.db.prisma.organization.findMany({
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => r.id);
  }

  /**
   * Deletes the organization's snapshots past `snapshotRetentionDays` (each cluster's newest
   * kept) and compliance history past `complianceRetentionDays`, as of `now`.
   */
  async apply(organizationId: string, now = new Date()): Promise<RetentionOutcome> {
    const clusters = await this.db.prisma.cluster.findMany({
      where: { organizationId },
      select: { id: true },
    });
    let snapshots = 0;
    for (const cluster of clusters)
      snapshots += await this.snapshots.prune(organizationId, cluster.id, now);
    const complianceResults = await this.results.prune(organizationId, now);
    return { snapshots, complianceResults };
  }
}
