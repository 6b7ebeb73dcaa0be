import { z } from 'zod';
import type { Database } from '../database';
import { parseColumn } from '../stored-json';
import { DataAccessError, isUniqueViolation, isUuid } from '../data-access-error';
import { auditIn } from '../audit/audit-in-transaction';
import { pageArgs, pageOf, type Page, type PageRequest } from '../pagination/page';

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

/** `Cluster.labels`: Kubernetes-style labels, name → value. */
const labelsSchema = z.record(z.string(), z.string());

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
    labels: parseColumn(labelsSchema, row.labels, {
      table: 'Cluster',
      id: row.id,
      field: 'labels',
    }),
    lastSeenAt: row.lastSeenAt,
    createdAt: row.createdAt,
  };
}

/** Clusters of one organization; another organization's cluster is simply not found. */
export class ClusterRepository {
  constructor(private readonly db: Database) {}

  /** Creates a cluster; with `audit`, its `cluster.created` event is written in the same transaction. */
  async create(
    organizationId: string,
    input: NewCluster,
    audit?: { actor: string },
  ): Promise<Cluster> {
    const environment = await this.db.prisma.environment.findUnique({
      where: { organizationId_name: { organizationId, name: input.environment } },
    });
    if (!environment)
      throw new DataAccessError(
        'INVALID',
        `environment ${JSON.stringify(input.environment)} does not exist`,
      );
    try {
      const row = await this.db.prisma.$transaction(async (tx) => {
        const created = await tx.cluster.create({
          data: {
            organizationId,
            environmentId: environment.id,
            name: input.name,
            labels: { ...(input.labels ?? {}) },
          },
          include: withEnvironment,
        });
        if (audit)
          await auditIn(tx, organizationId, {
            actor: audit.actor,
            action: 'cluster.created',
            target: `cluster/${created.id}`,
            before: null,
            after: input,
          });
        return created;
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

  /** One page of the clusters, by name, optionally of one environment. */
  async page(
    organizationId: string,
    filter: { environment?: string },
    page: PageRequest,
  ): Promise<Page<Cluster>> {
    const rows = await this.db.prisma.cluster.findMany({
      where: {
        organizationId,
        ...(filter.environment ? { environment: { name: filter.environment } } : {}),
      },
      include: withEnvironment,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      ...pageArgs(page),
    });
    return pageOf(rows, page, toCluster);
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
