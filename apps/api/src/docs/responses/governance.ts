import { z } from 'zod';
import type { VersionDiff } from '@fenceline/drift';
import { ALERT_SEVERITIES, ALERT_STATUSES } from '../../alerts/dto/alert.dto';
import type { AcceptedReferenceModel, AlertModel } from '../../alerts/models/alert.model';
import type { AuditEventModel } from '../../audit/models/audit-event.model';
import type {
  BaselineModel,
  BaselineVersionModel,
  PinModel,
} from '../../baselines/models/baseline.model';
import { PROMOTION_STATUSES } from '../../promotions/dto/promotion.dto';
import type { PromotionModel } from '../../promotions/models/promotion.model';
import type { ClusterPreview } from '../../promotions/promotions.service';
import { conflicts, json, maybeTimestamp, page, timestamp, type ResponseDoc } from './common';

// Typed with the models they document: a field the model has and the schema lacks fails the
// typecheck.

const baselineFields = {
  id: z.string(),
  name: z.string(),
  createdAt: timestamp,
  latestVersion: z.int().nullable(),
};
const baselineSchema: z.ZodType<BaselineModel> = z.object(baselineFields);

const versionFields = {
  id: z.string(),
  baselineId: z.string(),
  number: z.int(),
  contentHash: z.string(),
  author: z.string(),
  message: z.string(),
  createdAt: timestamp,
};
const versionSchema: z.ZodType<BaselineVersionModel> = z.object(versionFields);

const pinSchema: z.ZodType<PinModel> = z.object({
  environment: z.string(),
  baselineId: z.string(),
  baselineName: z.string(),
  version: z.int(),
  contentHash: z.string(),
  pinnedBy: z.string(),
  pinnedAt: timestamp,
  promotionId: z.string().nullable(),
});

const added = z.array(z.string());
const diffSchema: z.ZodType<VersionDiff> = z.object({
  policies: z.object({ added, removed: added, modified: added }),
  guardrails: z.object({ added, removed: added, changed: added }),
  scopeChanged: z.boolean(),
  sensitiveChanged: z.boolean(),
  connectivity: z
    .array(
      z.object({
        diffType: z.enum(['added', 'removed', 'changed']),
        src: z.string(),
        dst: z.string(),
        before: z.string(),
        after: z.string(),
      }),
    )
    .optional()
    .describe('with ?clusterId: the connectivity the change makes there'),
});

const promotionSchema: z.ZodType<PromotionModel> = z.object({
  id: z.string(),
  baselineId: z.string(),
  baselineName: z.string(),
  version: z.int(),
  baselineVersionId: z.string(),
  environment: z.string(),
  environmentId: z.string(),
  status: z.enum(PROMOTION_STATUSES),
  isRollback: z.boolean(),
  requestedBy: z.string(),
  requestedAt: timestamp,
  decidedBy: z.string().nullable(),
  decidedAt: maybeTimestamp,
  reason: z.string().nullable(),
  appliedAt: maybeTimestamp,
  preview: z.unknown().describe('the per-cluster preview taken when it was requested'),
});

const previewSchema: z.ZodType<ClusterPreview> = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  snapshotId: z.string().nullable(),
  connectivity: z.array(z.unknown()),
  newlyFailingGuardrails: z.array(z.unknown()),
});

const alertSchema: z.ZodType<AlertModel> = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  environment: z.string(),
  baselineId: z.string().nullable(),
  baselineName: z.string().nullable(),
  baselineVersion: z.int().nullable(),
  kind: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  subject: z.string(),
  fingerprint: z.string(),
  status: z.enum(ALERT_STATUSES),
  evidence: z.unknown(),
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
  lastSnapshotId: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: maybeTimestamp,
  acknowledgeComment: z.string().nullable(),
  resolvedAt: maybeTimestamp,
  reopenCount: z.int(),
});

const acceptedSchema: z.ZodType<AcceptedReferenceModel> = z.object({
  clusterId: z.string(),
  baselineId: z.string(),
  snapshotId: z.string(),
  rows: z.int(),
  acceptedBy: z.string(),
  acceptedAt: timestamp,
});

const auditEventSchema: z.ZodType<AuditEventModel> = z.object({
  id: z.string(),
  actor: z.string().describe('api-key:<id> (<name>) or system:<component>'),
  action: z.string().describe('<noun>.<past participle>, e.g. cluster.created'),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: timestamp,
});

/** Baselines, promotions, alerts and the audit log. */
export const governanceResponses: Readonly<Record<string, ResponseDoc>> = {
  BaselinesController_create: conflicts(
    json(201, baselineSchema),
    'a baseline with this name exists (CONFLICT)',
  ),
  BaselinesController_list: page(baselineSchema),
  BaselinesController_allPins: page(pinSchema),
  BaselinesController_get: json(200, z.object({ ...baselineFields, pins: z.array(pinSchema) })),
  BaselinesController_addVersion: json(
    201,
    z.object({
      ...versionFields,
      unchanged: z.literal(true).optional().describe('the content equals the latest version'),
    }),
  ),
  BaselinesController_versions: page(versionSchema),
  BaselinesController_version: json(200, z.object({ ...versionFields, content: z.unknown() })),
  BaselinesController_diff: json(200, diffSchema),
  BaselinesController_pin: json(200, pinSchema),
  PromotionsController_request: conflicts(
    json(201, promotionSchema),
    'the environment already runs this version (CONFLICT)',
  ),
  PromotionsController_list: page(promotionSchema),
  PromotionsController_preview: json(200, z.array(previewSchema)),
  PromotionsController_get: json(200, promotionSchema),
  PromotionsController_approve: conflicts(
    json(200, promotionSchema),
    'the promotion is decided (CONFLICT)',
  ),
  PromotionsController_reject: conflicts(
    json(200, promotionSchema),
    'the promotion is decided (CONFLICT)',
  ),
  AlertsController_list: page(alertSchema),
  AlertsController_get: json(200, alertSchema),
  AlertsController_acknowledge: conflicts(
    json(200, alertSchema),
    'the alert is resolved (CONFLICT)',
  ),
  ReferencesController_accept: json(200, acceptedSchema),
  AuditController_list: page(auditEventSchema),
};
