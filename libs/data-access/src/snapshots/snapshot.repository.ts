import type { InventorySnapshot } from '@fenceline/contracts';
import type { Database } from '../database';
import { DataAccessError, isUniqueViolation, isUuid } from '../data-access-error';
import {
  toStoredAnalysis,
  type SnapshotAnalysisInput,
  type StoredAnalysis,
} from './snapshot-analysis.columns';
import { snapshotInventory, type SnapshotInventory } from './snapshot-inventory';

export type SnapshotStatus = 'accepted' | 'analysed' | 'failed';

export interface StoredSnapshot {
  readonly id: string;
  readonly clusterId: string;
  readonly contentHash: string;
  readonly collectedAt: Date;
  readonly receivedAt: Date;
  readonly status: SnapshotStatus;
  readonly podCount: number;
  readonly policyCount: number;
  readonly namespaceCount: number;
}

export interface StoreResult {
  readonly snapshotId: string;
  /** `duplicate` when this cluster already pushed exactly this content: nothing new is stored. */
  readonly status: 'accepted' | 'duplicate';
  /** A duplicate of an earlier snapshot that was not the newest: the cluster went back to it. */
  readonly revived?: true;
}

export interface ClusterSnapshotSummary {
  lastSnapshotAt: Date | null;
  analysis: {
    snapshotId: string;
    analysedAt: Date;
    classCount: number;
    connections: number;
  } | null;
}

export type {
  AnalysisFinding,
  SnapshotAnalysisInput,
  StoredAnalysis,
} from './snapshot-analysis.columns';

const summary = {
  id: true,
  clusterId: true,
  contentHash: true,
  collectedAt: true,
  receivedAt: true,
  status: true,
  podCount: true,
  policyCount: true,
  namespaceCount: true,
} as const;

/**
 * Snapshots, stored once per (cluster, content hash), with their analysis. Every method is scoped
 * by organization: another organization's cluster or snapshot is not found.
 */
export class SnapshotRepository {
  constructor(private readonly db: Database) {}

  /**
   * Stores a snapshot unless the cluster already has this content (then only its last push time
   * moves). Safe under concurrent pushes of the same content: the unique key decides.
   */
  async store(
    organizationId: string,
    clusterId: string,
    snapshot: InventorySnapshot,
    contentHash: string,
  ): Promise<StoreResult> {
    const cluster = isUuid(clusterId)
      ? await this.db.prisma.cluster.findFirst({ where: { id: clusterId, organizationId } })
      : null;
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    const now = new Date();
    await this.db.prisma.cluster.update({ where: { id: clusterId }, data: { lastSeenAt: now } });
    const existing = await this.db.prisma.snapshot.findUnique({
      where: { clusterId_contentHash: { clusterId, contentHash } },
    });
    if (existing) {
      // A cluster back in an earlier state (a revert): that snapshot is current again.
      const previous = await this.latest(organizationId, clusterId);
      return {
        ...(await this.touch(existing.id, now)),
        ...(previous && previous.id !== existing.id ? { revived: true } : {}),
      };
    }
    try {
      const row = await this.db.prisma.snapshot.create({
        data: {
          organizationId,
          clusterId,
          contentHash,
          collectedAt: new Date(snapshot.collectedAt),
          schemaVersion: snapshot.schemaVersion,
          podCount: snapshot.pods.length,
          policyCount: snapshot.policies.length,
          namespaceCount: snapshot.namespaces.length,
          payload: snapshot as object,
        },
      });
      return { snapshotId: row.id, status: 'accepted' };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.db.prisma.snapshot.findUniqueOrThrow({
        where: { clusterId_contentHash: { clusterId, contentHash } },
      });
      return this.touch(winner.id, now);
    }
  }

  private async touch(snapshotId: string, now: Date): Promise<StoreResult> {
    await this.db.prisma.snapshot.update({
      where: { id: snapshotId },
      data: { lastPushedAt: now },
    });
    return { snapshotId, status: 'duplicate' };
  }

  async get(organizationId: string, snapshotId: string): Promise<StoredSnapshot | undefined> {
    if (!isUuid(snapshotId)) return undefined;
    return (
      (await this.db.prisma.snapshot.findFirst({
        where: { id: snapshotId, organizationId },
        select: summary,
      })) ?? undefined
    );
  }

  /** The stored payload of a snapshot, unparsed: {@link inventory} parses it. */
  private async payload(organizationId: string, snapshotId: string): Promise<unknown> {
    if (!isUuid(snapshotId)) return undefined;
    const row = await this.db.prisma.snapshot.findFirst({
      where: { id: snapshotId, organizationId },
      select: { payload: true },
    });
    return row?.payload;
  }

  /**
   * A stored snapshot parsed and turned into its inventory; undefined when the organization has
   * no such snapshot. Corrupt stored data throws a `CORRUPT_DATA` {@link DataAccessError}.
   */
  async inventory(
    organizationId: string,
    snapshotId: string,
  ): Promise<SnapshotInventory | undefined> {
    const payload = await this.payload(organizationId, snapshotId);
    return payload === undefined ? undefined : snapshotInventory(snapshotId, payload);
  }

  /** Marks a snapshot failed with the reason (corrupt data the worker will not retry). */
  async markFailed(organizationId: string, snapshotId: string, error: string): Promise<void> {
    if (!isUuid(snapshotId)) return;
    await this.db.prisma.snapshot.updateMany({
      where: { id: snapshotId, organizationId },
      data: { status: 'failed', error },
    });
  }

  /** The newest snapshot of a cluster (by receive time), analysed or not. */
  async latest(organizationId: string, clusterId: string): Promise<StoredSnapshot | undefined> {
    if (!isUuid(clusterId)) return undefined;
    const row = await this.db.prisma.snapshot.findFirst({
      where: { clusterId, organizationId },
      orderBy: [{ lastPushedAt: 'desc' }, { receivedAt: 'desc' }],
      select: summary,
    });
    return row ?? undefined;
  }

  /**
   * Records the analysis of a snapshot and marks it analysed. Idempotent: running the same job
   * again (a worker killed mid-way) writes the same single row.
   */
  async saveAnalysis(
    organizationId: string,
    snapshotId: string,
    analysis: SnapshotAnalysisInput,
  ): Promise<void> {
    const snapshot = await this.get(organizationId, snapshotId);
    if (!snapshot) throw new DataAccessError('NOT_FOUND', `snapshot ${snapshotId} not found`);
    const data = {
      classCount: analysis.classCount,
      connectionCount: analysis.connectivity.length,
      connectivity: analysis.connectivity as object,
      coverage: analysis.coverage as object,
      findings: (analysis.findings ?? []) as object,
      analysedAt: new Date(),
    };
    await this.db.prisma.$transaction([
      this.db.prisma.snapshotAnalysis.upsert({
        where: { snapshotId },
        create: { snapshotId, organizationId, ...data },
        update: data,
      }),
      this.db.prisma.snapshot.update({
        where: { id: snapshotId },
        data: { status: 'analysed', error: null },
      }),
    ]);
  }

  /**
   * Per cluster: when it last pushed, and a summary of its newest analysis — two queries for any
   * number of clusters, never reading the connectivity itself.
   */
  async summaries(
    organizationId: string,
    clusterIds: readonly string[],
  ): Promise<Map<string, ClusterSnapshotSummary>> {
    const ids = clusterIds.filter(isUuid);
    const pushed = await this.db.prisma.snapshot.groupBy({
      by: ['clusterId'],
      where: { organizationId, clusterId: { in: ids } },
      _max: { receivedAt: true },
    });
    const analyses = await this.db.prisma.snapshotAnalysis.findMany({
      where: { organizationId, snapshot: { clusterId: { in: ids } } },
      orderBy: { analysedAt: 'desc' },
      select: {
        snapshotId: true,
        analysedAt: true,
        classCount: true,
        connectionCount: true,
        snapshot: { select: { clusterId: true } },
      },
    });
    const result = new Map<string, ClusterSnapshotSummary>(
      ids.map((id) => [id, { lastSnapshotAt: null, analysis: null }]),
    );
    for (const p of pushed)
      result.set(p.clusterId, { lastSnapshotAt: p._max.receivedAt ?? null, analysis: null });
    for (const a of analyses) {
      const entry = result.get(a.snapshot.clusterId);
      // Newest first: the first analysis seen for a cluster is its latest.
      if (entry && !entry.analysis) {
        entry.analysis = {
          snapshotId: a.snapshotId,
          analysedAt: a.analysedAt,
          classCount: a.classCount,
          connections: a.connectionCount,
        };
      }
    }
    return result;
  }

  /** The analysis of the newest analysed snapshot of a cluster. */
  async latestAnalysis(
    organizationId: string,
    clusterId: string,
  ): Promise<StoredAnalysis | undefined> {
    if (!isUuid(clusterId)) return undefined;
    // The analysis of the cluster's current snapshot (a reverted cluster's earlier one counts).
    const row = await this.db.prisma.snapshotAnalysis.findFirst({
      where: { organizationId, snapshot: { clusterId, organizationId } },
      orderBy: [
        { snapshot: { lastPushedAt: 'desc' } },
        { snapshot: { receivedAt: 'desc' } },
        { analysedAt: 'desc' },
      ],
    });
    return row ? toStoredAnalysis(row) : undefined;
  }

  /**
   * Deletes a cluster's snapshots older than the organization's retention, always keeping the
   * newest. Returns how many were deleted.
   */
  async prune(organizationId: string, clusterId: string, now = new Date()): Promise<number> {
    const org = await this.db.prisma.organization.findUnique({
      where: { id: organizationId },
      select: { snapshotRetentionDays: true },
    });
    if (!org) throw new DataAccessError('NOT_FOUND', `organization ${organizationId} not found`);
    const newest = await this.latest(organizationId, clusterId);
    if (!newest) return 0;
    const cutoff = new Date(now.getTime() - org.snapshotRetentionDays * 86_400_000);
    const result = await this.db.prisma.snapshot.deleteMany({
      where: { organizationId, clusterId, lastPushedAt: { lt: cutoff }, id: { not: newest.id } },
    });
    return result.count;
  }
}
