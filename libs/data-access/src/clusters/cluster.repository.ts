import type { Database } from '../database';
import { DataAccessError, isUniqueViolation, isUuid } from '../data-access-error';

export interface Cluster {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly environment: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly lastSeenAt: Date | null;
  readonly createdAt: Date;
}

export interface NewCluster {
  readonly name: string;
  readonly environment: string;
  readonly labels?: Readonly<Record<string, string>>;
}

const withEnvironment = { environment: { select: { name: true } } } as const;

function toCluster(row: {
  id: string;
  organizationId: string;
  name: string;
  labels: unknown;
  lastSeenAt: Date | null;
  createdAt: Date;
  environment: { name: string };
}): Cluster {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    environment: row.environment.name,
    labels: (row.labels ?? {}) as Record<string, string>,
    lastSeenAt: row.lastSeenAt,
    createdAt: row.createdAt,
  };
}

/** Clusters of one organization; another organization's cluster is simply not found. */
export class ClusterRepository {
  constructor(private readonly db: Database) {}

  async create(organizationId: string, input: NewCluster): Promise<Cluster> {
    const environment = await this.db.prisma.environment.findUnique({
      where: { organizationId_name: { organizationId, name: input.environment } },
    });
    if (!environment)
      throw new DataAccessError(
        'INVALID',
        `environment ${JSON.stringify(input.environment)} does not exist`,
      );
    try {
      const row = await this.db.prisma.cluster.create({
        data: {
          organizationId,
          environmentId: environment.id,
          name: input.name,
          labels: { ...(input.labels ?? {}) },
        },
        include: withEnvironment,
      });
      return toCluster(row);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DataAccessError(
          'CONFLICT',
          `cluster ${JSON.stringify(input.name)} already exists`,
        );
      throw error;
    }
  }

  async list(organizationId: string): Promise<Cluster[]> {
    const rows = await this.db.prisma.cluster.findMany({
      where: { organizationId },
      include: withEnvironment,
      orderBy: { name: 'asc' },
    });
    return rows.map(toCluster);
  }

  async get(organizationId: string, clusterId: string): Promise<Cluster | undefined> {
    if (!isUuid(clusterId)) return undefined;
    const row = await this.db.prisma.cluster.findFirst({
      where: { id: clusterId, organizationId },
      include: withEnvironment,
    });
    return row ? toCluster(row) : undefined;
  }
}
