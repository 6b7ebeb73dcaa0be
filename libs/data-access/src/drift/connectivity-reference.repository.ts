import { connectivityListSchema, type ConnectivityRow } from '@fenceline/contracts';
import type { Database } from '../database';
import { parseColumn } from '../stored-json';

export interface ConnectivityReference {
  readonly clusterId: string;
  readonly baselineId: string;
  readonly baselineVersionId: string;
  readonly snapshotId: string;
  readonly rows: readonly ConnectivityRow[];
  readonly acceptedBy: string;
  readonly acceptedAt: Date;
}

/**
 * The accepted connectivity of a cluster under a baseline: set when a version starts applying
 * there, moved when someone accepts the current connectivity (audited). Connectivity widening
 * is measured against it.
 */
export class ConnectivityReferenceRepository {
  constructor(private readonly db: Database) {}

  async get(
    organizationId: string,
    clusterId: string,
    baselineId: string,
  ): Promise<ConnectivityReference | undefined> {
    const row = await this.db.prisma.connectivityReference.findFirst({
      where: { organizationId, clusterId, baselineId },
    });
    if (!row) return undefined;
    return {
      clusterId: row.clusterId,
      baselineId: row.baselineId,
      baselineVersionId: row.baselineVersionId,
      snapshotId: row.snapshotId,
      rows: parseColumn(connectivityListSchema, row.rows, {
        table: 'ConnectivityReference',
        id: row.id,
        field: 'rows',
      }),
      acceptedBy: row.acceptedBy,
      acceptedAt: row.acceptedAt,
    };
  }

  /**
   * Sets the reference; `audit` records who moved it and from where (`reference.accepted` by a
   * caller, `reference.set` when a version starts applying), its `after` extended by `audit.after`.
   */
  async set(
    organizationId: string,
    input: Omit<ConnectivityReference, 'acceptedAt'>,
    audit?: { action: string; comment?: string; after?: Readonly<Record<string, unknown>> },
  ): Promise<ConnectivityReference> {
    const before = audit
      ? await this.get(organizationId, input.clusterId, input.baselineId)
      : undefined;
    const data = {
      baselineVersionId: input.baselineVersionId,
      snapshotId: input.snapshotId,
      rows: input.rows as object,
      acceptedBy: input.acceptedBy,
      acceptedAt: new Date(),
    };
    await this.db.prisma.$transaction(async (tx) => {
      await tx.connectivityReference.upsert({
        where: {
          clusterId_baselineId: { clusterId: input.clusterId, baselineId: input.baselineId },
        },
        create: {
          organizationId,
          clusterId: input.clusterId,
          baselineId: input.baselineId,
          ...data,
        },
        update: data,
      });
      if (audit) {
        await tx.auditEvent.create({
          data: {
            organizationId,
            actor: input.acceptedBy,
            action: audit.action,
            target: `cluster/${input.clusterId}/baseline/${input.baselineId}/reference`,
            before: before
              ? { snapshotId: before.snapshotId, rows: before.rows.length }
              : undefined,
            after: {
              snapshotId: input.snapshotId,
              rows: input.rows.length,
              ...(audit.comment ? { comment: audit.comment } : {}),
              ...audit.after,
            },
          },
        });
      }
    });
    return (await this.get(
      organizationId,
      input.clusterId,
      input.baselineId,
    )) as ConnectivityReference;
  }
}
