/** A cluster as the API shows it (never a database row). */
export interface ClusterModel {
  readonly id: string;
  readonly name: string;
  readonly environment: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  readonly lastSnapshotAt: string | null;
  readonly analysis: {
    readonly snapshotId: string;
    readonly analysedAt: string;
    readonly classCount: number;
    readonly connections: number;
  } | null;
}
