import { z } from 'zod';
import { parseColumn } from '../stored-json';
import type { BaselineVersion } from './baseline.repository';

export interface Environment {
  readonly id: string;
  readonly name: string;
  readonly position: number;
}

export interface Pin {
  readonly environment: string;
  readonly environmentId: string;
  readonly baselineId: string;
  readonly baselineName: string;
  readonly version: BaselineVersion;
  readonly pinnedBy: string;
  readonly pinnedAt: Date;
  readonly promotionId: string | null;
}

export type PromotionStatus = 'requested' | 'approved' | 'rejected' | 'applied';

/** `Promotion.preview`, per target cluster: connectivity that would change, guardrails that would newly fail. */
const previewSchema = z.array(
  z.looseObject({
    clusterId: z.string(),
    clusterName: z.string(),
    snapshotId: z.string().nullable(),
    connectivity: z.array(z.json()),
    newlyFailingGuardrails: z.array(z.json()),
  }),
);

/** One target cluster's preview, as a promotion stores it. */
export interface StoredClusterPreview {
  readonly clusterId: string;
  readonly clusterName: string;
  /** The snapshot the preview was computed on; null when the cluster had none yet. */
  readonly snapshotId: string | null;
  readonly connectivity: readonly unknown[];
  readonly newlyFailingGuardrails: readonly unknown[];
}

export interface Promotion {
  readonly id: string;
  readonly baselineId: string;
  readonly baselineName: string;
  readonly version: number;
  readonly baselineVersionId: string;
  readonly environment: string;
  readonly environmentId: string;
  readonly status: PromotionStatus;
  readonly isRollback: boolean;
  readonly requestedBy: string;
  readonly requestedAt: Date;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly reason: string | null;
  readonly appliedAt: Date | null;
  readonly preview: readonly StoredClusterPreview[];
}

export interface NewPromotion {
  readonly baselineVersionId: string;
  readonly environmentId: string;
  readonly requestedBy: string;
  readonly isRollback: boolean;
  readonly preview: readonly StoredClusterPreview[];
}

/** Who did it, for the audit log: the actor string and the API key id (decisions compare ids). */
export interface Actor {
  readonly id: string;
  readonly display: string;
}

/** Which promotions a list shows. */
export interface PromotionFilter {
  readonly status?: PromotionStatus;
  readonly environmentId?: string;
  readonly baselineId?: string;
}

export function promotionWhere(organizationId: string, filter: PromotionFilter) {
  return {
    organizationId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.environmentId ? { environmentId: filter.environmentId } : {}),
    ...(filter.baselineId ? { baselineVersion: { baselineId: filter.baselineId } } : {}),
  };
}

export const promotionInclude = {
  baselineVersion: { include: { baseline: true } },
  environment: true,
} as const;

export type PromotionRow = {
  id: string;
  baselineVersionId: string;
  environmentId: string;
  status: PromotionStatus;
  isRollback: boolean;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
  appliedAt: Date | null;
  preview: unknown;
  baselineVersion: { number: number; baselineId: string; baseline: { name: string } };
  environment: { name: string };
};

export function toPromotion(row: PromotionRow): Promotion {
  return {
    id: row.id,
    baselineId: row.baselineVersion.baselineId,
    baselineName: row.baselineVersion.baseline.name,
    version: row.baselineVersion.number,
    baselineVersionId: row.baselineVersionId,
    environment: row.environment.name,
    environmentId: row.environmentId,
    status: row.status,
    isRollback: row.isRollback,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    reason: row.reason,
    appliedAt: row.appliedAt,
    preview: parseColumn(previewSchema, row.preview, {
      table: 'Promotion',
      id: row.id,
      field: 'preview',
    }),
  };
}
