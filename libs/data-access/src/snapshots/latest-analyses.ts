import type { Database } from '../database';
import { isUuid } from '../data-access-error';
import { toStoredAnalysis, type StoredAnalysis } from './snapshot-analysis.columns';

/** The analysis of a cluster's current snapshot, as `SnapshotRepository.latestAnalysis` gives it. */
export type LatestAnalysis = StoredAnalysis;

/**
 * The current analyses of many clusters at once, for loaders that batch what GraphQL would
 * otherwise ask per parent (a list of clusters and each one's coverage).
 */
export class LatestAnalysisReader {
  constructor(private readonly db: Database) {}

  /**
   * Per cluster, the analysis of its current snapshot (the order `latestAnalysis` uses): two
   * queries for any number of clusters. The first reads only keys, so the connectivity of
   * superseded analyses is never loaded; the second reads the chosen rows whole. Clusters of
   * another organization, or without an analysis, are absent from the map.
   */
  forClusters(
    organizationId: string,
    clusterIds: readonly string[],
  ): Promise<Map<string, LatestAnalysis>> {
    return latestAnalyses(this.db, organizationId, clusterIds);
  }
}

async function latestAnalyses(
  db: Database,
  organizationId: string,
  clusterIds: readonly string[],
): Promise<Map<string, LatestAnalysis>> {
  const ids = [...new Set(clusterIds.filter(isUuid))];
  const result = new Map<string, LatestAnalysis>();
  if (ids.length === 0) return result;
  const keys = await db.prisma.snapshotAnalysis.findMany({
    where: { organizationId, snapshot: { clusterId: { in: ids }, organizationId } },
    orderBy: [
      { snapshot: { lastPushedAt: 'desc' } },
      { snapshot: { receivedAt: 'desc' } },
      { analysedAt: 'desc' },
    ],
    select: { snapshotId: true, snapshot: { select: { clusterId: true } } },
  });
  // Newest first: the first row seen for a cluster is its current analysis.
  const chosen = new Map<string, string>();
  for (const k of keys)
    if (!chosen.has(k.snapshot.clusterId)) chosen.set(k.snapshot.clusterId, k.snapshotId);
  const rows = await db.prisma.snapshotAnalysis.findMany({
    where: { organizationId, snapshotId: { in: [...chosen.values()] } },
  });
  const bySnapshot = new Map(rows.map((row) => [row.snapshotId, row]));
  for (const [clusterId, snapshotId] of chosen) {
    const row = bySnapshot.get(snapshotId);
    if (row) result.set(clusterId, toStoredAnalysis(row));
  }
  return result;
}
