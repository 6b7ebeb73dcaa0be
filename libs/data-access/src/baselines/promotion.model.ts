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
  readonly preview: unknown;
}

export interface NewPromotion {
  readonly baselineVersionId: string;
  readonly environmentId: string;
  readonly requestedBy: string;
  readonly isRollback: boolean;
  readonly preview: unknown;
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
    preview: row.preview,
  };
}
