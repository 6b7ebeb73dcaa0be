import { z } from 'zod';
import type { Database } from '../database';
import { jsonObjectSchema, parseColumn } from '../stored-json';
import { isUuid } from '../data-access-error';

export type ControlStatus = 'pass' | 'fail' | 'not-applicable' | 'waived';

export interface ControlResultInput {
  readonly id: string;
  readonly status: ControlStatus;
  readonly score: number;
  /** One JSON object per subject the control looked at (libs/compliance's `Evidence`). */
  readonly evidence: readonly Readonly<Record<string, unknown>>[];
}

/** `ComplianceResult.evidence`. */
const evidenceSchema = z.array(jsonObjectSchema);

export interface StoredControlResult extends ControlResultInput {
  readonly clusterId: string;
  readonly snapshotId: string;
  readonly framework: string;
  readonly frameworkVersion: string;
  readonly evaluatedAt: Date;
}

const toDb = (status: ControlStatus) => (status === 'not-applicable' ? 'not_applicable' : status);
const fromDb = (status: string): ControlStatus =>
  status === 'not_applicable' ? 'not-applicable' : (status as ControlStatus);

/**
 * Compliance results as append-only history: one row per analysed snapshot × framework ×
 * control, never updated, so a report can be asked "as of" any past date. Retention deletes
 * rows older than the organization's `complianceRetentionDays` (default 730, two years).
 */
export class ComplianceResultRepository {
  constructor(private readonly db: Database) {}

  /** Records a framework's results for a snapshot; recording the same snapshot again adds nothing. */
  async record(
    organizationId: string,
    input: {
      clusterId: string;
      snapshotId: string;
      framework: string;
      frameworkVersion: string;
      results: readonly ControlResultInput[];
      evaluatedAt?: Date;
    },
  ): Promise<number> {
    const evaluatedAt = input.evaluatedAt ?? new Date();
    const created = await this.db.prisma.complianceResult.createMany({
      data: input.results.map((r) => ({
        organizationId,
        clusterId: input.clusterId,
        snapshotId: input.snapshotId,
        framework: input.framework,
        frameworkVersion: input.frameworkVersion,
        controlId: r.id,
        status: toDb(r.status),
        score: r.score,
        evidence: r.evidence as object,
        evaluatedAt,
      })),
      skipDuplicates: true,
    });
    return created.count;
  }

  /** The results of the newest evaluation of a cluster at or before `at` (default now). */
  async asOf(
    organizationId: string,
    clusterId: string,
    framework: string,
    at = new Date(),
  ): Promise<StoredControlResult[]> {
    if (!isUuid(clusterId)) return [];
    const newest = await this.db.prisma.complianceResult.findFirst({
      where: { organizationId, clusterId, framework, evaluatedAt: { lte: at } },
      orderBy: { evaluatedAt: 'desc' },
      select: { snapshotId: true, evaluatedAt: true },
    });
    if (!newest) return [];
    const rows = await this.db.prisma.complianceResult.findMany({
      where: {
        organizationId,
        clusterId,
        framework,
        snapshotId: newest.snapshotId,
        evaluatedAt: newest.evaluatedAt,
      },
      orderBy: { controlId: 'asc' },
    });
    return rows.map((r) => ({
      clusterId: r.clusterId,
      snapshotId: r.snapshotId,
      framework: r.framework,
      frameworkVersion: r.frameworkVersion,
      id: r.controlId,
      status: fromDb(r.status),
      score: r.score,
      evidence: parseColumn(evidenceSchema, r.evidence, {
        table: 'ComplianceResult',
        id: r.id,
        field: 'evidence',
      }),
      evaluatedAt: r.evaluatedAt,
    }));
  }

  /** A control's history for trends: status and score per evaluation, oldest first. */
  async trend(
    organizationId: string,
    input: { clusterId: string; framework: string; controlId: string; since?: Date },
  ): Promise<{ evaluatedAt: Date; status: ControlStatus; score: number; snapshotId: string }[]> {
    if (!isUuid(input.clusterId)) return [];
    const rows = await this.db.prisma.complianceResult.findMany({
      where: {
        organizationId,
        clusterId: input.clusterId,
        framework: input.framework,
        controlId: input.controlId,
        ...(input.since ? { evaluatedAt: { gte: input.since } } : {}),
      },
      orderBy: { evaluatedAt: 'asc' },
      select: { evaluatedAt: true, status: true, score: true, snapshotId: true },
    });
    return rows.map((r) => ({
      evaluatedAt: r.evaluatedAt,
      status: fromDb(r.status),
      score: r.score,
      snapshotId: r.snapshotId,
    }));
  }

  /** Deletes history older than the organization's retention; returns how many rows went. */
  async prune(organizationId: string, now = new Date()): Promise<number> {
    const org = await this.db.prisma.organization.findUnique({
      where: { id: organizationId },
      select: { complianceRetentionDays: true },
    });
    if (!org) return 0;
    const cutoff = new Date(now.getTime() - org.complianceRetentionDays * 24 * 3600 * 1000);
    return (
      await this.db.prisma.complianceResult.deleteMany({
        where: { organizationId, evaluatedAt: { lt: cutoff } },
      })
    ).count;
  }
}
