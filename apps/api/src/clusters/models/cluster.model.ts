import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Cluster, ClusterSnapshotSummary } from '@fenceline/data-access';

/** The newest analysis of a cluster, in summary. */
@ObjectType('ClusterAnalysis')
export class ClusterAnalysisModel {
  @Field(() => ID) snapshotId!: string;
  @Field(() => String) analysedAt!: string;
  @Field(() => Int) classCount!: number;
  @Field(() => Int) connections!: number;
}

/**
 * A cluster as both transports show it (never a database row). REST shows `labels` as a map;
 * GraphQL resolves them as a list of `{ key, value }` (see the resolver).
 */
@ObjectType('Cluster')
export class ClusterModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) environment!: string;
  labels!: Readonly<Record<string, string>>;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) lastSeenAt!: string | null;
  @Field(() => String, { nullable: true }) lastSnapshotAt!: string | null;
  @Field(() => ClusterAnalysisModel, { nullable: true }) analysis!: ClusterAnalysisModel | null;
}

/** The one mapper of a cluster and its snapshot summary. */
export function toClusterModel(
  cluster: Cluster,
  summary: ClusterSnapshotSummary | undefined,
): ClusterModel {
  const analysis = summary?.analysis;
  return {
    id: cluster.id,
    name: cluster.name,
    environment: cluster.environment,
    labels: cluster.labels,
    createdAt: cluster.createdAt.toISOString(),
    lastSeenAt: cluster.lastSeenAt?.toISOString() ?? null,
    lastSnapshotAt: summary?.lastSnapshotAt?.toISOString() ?? null,
    analysis: analysis
      ? {
          snapshotId: analysis.snapshotId,
          analysedAt: analysis.analysedAt.toISOString(),
          classCount: analysis.classCount,
          connections: analysis.connections,
        }
      : null,
  };
}
