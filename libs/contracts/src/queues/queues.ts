import { z } from 'zod';

/**
 * The queues between the API and the worker, and their job payloads. Producers and processors
 * import them from here only.
 */
export const QUEUES = Object.freeze({
  analyze: 'analyze',
  drift: 'drift',
  compliance: 'compliance',
  export: 'export',
  notify: 'notify',
  deliver: 'deliver',
  retention: 'retention',
} as const);

/** `analyze`: build the model of one stored snapshot. The job id is the snapshot id. */
export const analyzeJobSchema = z.strictObject({
  organizationId: z.uuid(),
  snapshotId: z.uuid(),
});

export type AnalyzeJob = z.infer<typeof analyzeJobSchema>;

/** Retries with exponential backoff; failed jobs stay in Redis with their error. */
export const ANALYZE_JOB_OPTIONS = Object.freeze({
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
});

/**
 * `drift`: evaluate a cluster's newest snapshot against the baselines pinned to its environment.
 * Enqueued after every analysis (job id `drift-<snapshotId>`) and when a pin moves or a reference
 * is accepted (job id `drift-<snapshotId>-<reason>`; BullMQ ids cannot hold `:`); an older
 * snapshot than the cluster's newest is skipped.
 */
export const driftJobSchema = z.strictObject({
  organizationId: z.uuid(),
  snapshotId: z.uuid(),
  reason: z.string().min(1).max(200),
});

export type DriftJob = z.infer<typeof driftJobSchema>;

export const DRIFT_JOB_OPTIONS = ANALYZE_JOB_OPTIONS;

/** `compliance`: evaluate every framework on one analysed snapshot (job id `compliance-<snapshotId>`). */
export const complianceJobSchema = z.strictObject({
  organizationId: z.uuid(),
  snapshotId: z.uuid(),
});

export type ComplianceJob = z.infer<typeof complianceJobSchema>;

export const COMPLIANCE_JOB_OPTIONS = ANALYZE_JOB_OPTIONS;

/** `export`: build a requested evidence pack (job id `export-<packId>`); one at a time, so each links the previous. */
export const exportJobSchema = z.strictObject({
  organizationId: z.uuid(),
  packId: z.uuid(),
});

export type ExportJob = z.infer<typeof exportJobSchema>;

export const EXPORT_JOB_OPTIONS = Object.freeze({ ...ANALYZE_JOB_OPTIONS, attempts: 3 });

/**
 * `retention`: delete what is past each organization's retention (snapshots beyond
 * `snapshotRetentionDays`, the newest of each cluster always kept; compliance history beyond
 * `complianceRetentionDays`). Run by the worker's job scheduler {@link RETENTION_SCHEDULER_ID}
 * (`RETENTION_SCHEDULE`, daily by default) over every organization; a one-off job with an
 * `organizationId` applies it to that organization now.
 */
export const retentionJobSchema = z.strictObject({ organizationId: z.uuid().optional() });

export type RetentionJob = z.infer<typeof retentionJobSchema>;

/** The one job scheduler of the `retention` queue: every worker upserts it, so it exists once. */
export const RETENTION_SCHEDULER_ID = 'retention';

export const RETENTION_JOB_OPTIONS = Object.freeze({
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 60_000 },
  removeOnComplete: { count: 30 },
  removeOnFail: { count: 100 },
});
