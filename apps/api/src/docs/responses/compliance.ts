import { z } from 'zod';
import { FRAMEWORK_IDS, type FrameworkId } from '@fenceline/compliance';
import type { ClusterComplianceReport } from '@fenceline/data-access';
import type { ComplianceSummaryModel } from '../../compliance/models/compliance-summary.model';
import type { EvidencePackModel, WaiverModel } from '../../compliance/models/waiver.model';
import { complianceSettingsSchema } from '../../compliance/dto/compliance-settings.dto';
import type {
  ComplianceService,
  ComplianceSettingsModel,
} from '../../compliance/compliance.service';
import { conflicts, file, json, maybeTimestamp, page, timestamp, type ResponseDoc } from './common';

// Typed with the models or service results they document: a field the answer has and the
// schema lacks fails the typecheck.

type Answer<K extends keyof ComplianceService> = ComplianceService[K] extends (
  ...args: never[]
) => infer R
  ? Awaited<R>
  : never;

const controlStatus = z.enum(['pass', 'fail', 'not-applicable', 'waived']);
const counts = z.object({
  pass: z.int(),
  fail: z.int(),
  notApplicable: z.int(),
  waived: z.int(),
});
const controlDefinition = {
  id: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  references: z.array(z.string()),
};
const clusterRef = { id: z.string(), name: z.string(), environment: z.string() };

const frameworksSchema: z.ZodType<Answer<'frameworks'>> = z.array(
  z.object({
    id: z.enum(FRAMEWORK_IDS as [FrameworkId, ...FrameworkId[]]),
    version: z.string(),
    title: z.string(),
    controls: z.array(z.object(controlDefinition)),
  }),
);

const aggregate = {
  clusters: z.int(),
  score: z.number().describe('mean cluster score, 0–1 (1 without clusters)'),
  summary: counts,
  failingControls: z.array(z.string()),
};
const summarySchema: z.ZodType<ComplianceSummaryModel> = z.object({
  framework: z.string(),
  version: z.string(),
  title: z.string(),
  asOf: timestamp,
  fleet: z.object(aggregate),
  environments: z.array(z.object({ environment: z.string(), ...aggregate })),
  clusters: z.array(
    z.object({
      ...clusterRef,
      snapshotId: z.string(),
      evaluatedAt: timestamp,
      score: z.number(),
      summary: counts,
    }),
  ),
});

const controlSchema: z.ZodType<Answer<'control'>> = z.object({
  framework: z.string(),
  control: z.object(controlDefinition),
  clusters: z.array(
    z.object({
      ...clusterRef,
      evaluatedAt: timestamp,
      snapshotId: z.string(),
      status: controlStatus.nullable(),
      score: z.number().nullable(),
      // Whatever the control's evaluation recorded ([] without a result).
      evidence: z.any(),
    }),
  ),
});

const fleetTrendSchema: z.ZodType<Answer<'environmentTrend'>> = z.object({
  framework: z.string(),
  environment: z.string().nullable(),
  controlId: z.string().nullable(),
  points: z.array(
    z.object({
      date: z.iso.date(),
      clusters: z.int(),
      score: z.number().nullable(),
      summary: counts,
    }),
  ),
});

const clusterReportSchema: z.ZodType<ClusterComplianceReport> = z.object({
  cluster: z.object(clusterRef),
  framework: z.string(),
  version: z.string(),
  title: z.string(),
  snapshotId: z.string(),
  evaluatedAt: timestamp,
  score: z.number(),
  summary: counts,
  controls: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      severity: z.string(),
      status: controlStatus,
      score: z.number(),
      evidence: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
});

const controlTrendSchema: z.ZodType<Answer<'trend'>> = z.array(
  z.object({
    evaluatedAt: timestamp,
    status: controlStatus,
    score: z.number(),
    snapshotId: z.string(),
  }),
);

const settingsSchema: z.ZodType<ComplianceSettingsModel> = z
  .object({ ...complianceSettingsSchema.shape, retentionDays: z.int() })
  .loose();

const waiverSchema: z.ZodType<WaiverModel> = z.object({
  id: z.string(),
  controlId: z.string(),
  scope: z.object({
    cluster: z.string().optional(),
    namespace: z.string().optional(),
    workloadLabels: z.record(z.string(), z.string()).optional(),
  }),
  justification: z.string(),
  ticketUrl: z.string(),
  requestedBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: maybeTimestamp,
  expiresAt: timestamp,
  createdAt: timestamp,
  lastUsedAt: maybeTimestamp,
});

const packSchema: z.ZodType<EvidencePackModel> = z.object({
  id: z.string(),
  scope: z.string(),
  framework: z.string(),
  status: z.string(),
  asOf: maybeTimestamp,
  error: z.string().nullable(),
  sha256: z.string().nullable(),
  previousSha256: z.string().nullable(),
  manifest: z.unknown(),
  createdBy: z.string(),
  createdAt: timestamp,
  readyAt: maybeTimestamp,
});

/** Compliance reports, settings, waivers, exports and evidence packs. */
export const complianceResponses: Readonly<Record<string, ResponseDoc>> = {
  ComplianceController_frameworks: json(200, frameworksSchema),
  ComplianceController_summary: json(200, summarySchema),
  ComplianceController_control: json(200, controlSchema),
  ComplianceController_fleetTrend: json(200, fleetTrendSchema),
  ComplianceController_cluster: json(200, clusterReportSchema),
  ComplianceController_trend: json(200, controlTrendSchema),
  ComplianceController_settings: json(200, settingsSchema),
  ComplianceController_putSettings: json(200, settingsSchema),
  WaiversController_request: json(201, waiverSchema),
  WaiversController_list: page(waiverSchema),
  WaiversController_report: json(200, z.record(z.string(), z.array(waiverSchema))),
  WaiversController_approve: conflicts(
    json(200, waiverSchema),
    'approved already, expired, or the approver is the requester (CONFLICT)',
  ),
  ExportsController_export: {
    status: 200,
    schema: z.object({}).loose().describe('json, policyreport (a v1 List) or oscal'),
    alternatives: {
      'text/csv': z.string().describe('csv'),
      'application/pdf': z.string().describe('pdf'),
    },
  },
  ExportsController_pack: json(202, packSchema),
  ExportsController_packsList: page(packSchema),
  ExportsController_packStatus: json(200, packSchema),
  ExportsController_download: conflicts(
    file('application/zip'),
    'the pack is still building or failed (NOT_READY)',
  ),
};
