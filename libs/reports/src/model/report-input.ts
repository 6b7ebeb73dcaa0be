/**
 * The input of every export: framework reports as produced by `@fenceline/compliance`, restated
 * here (structurally identical) so the reporting layer does not depend on the evaluator.
 */

/** Outcome of one control. */
export type ControlStatus = 'pass' | 'fail' | 'not-applicable' | 'waived';

/** Severity of a control, lowest first. */
export type ControlSeverity = 'low' | 'medium' | 'high' | 'critical';

/**
 * The result of one control; `score` is in [0, 1], `evidence` plain JSON-able items.
 *
 * @example { id: 'ZT-1', title: 'Default-deny ingress', severity: 'high', status: 'pass', score: 1, evidence: [] }
 */
export interface ControlResult {
  readonly id: string;
  readonly title: string;
  readonly severity: ControlSeverity;
  readonly status: ControlStatus;
  readonly score: number;
  readonly evidence: readonly Record<string, unknown>[];
}

/**
 * One framework evaluated against one cluster snapshot.
 *
 * @example { framework: 'zero-trust', version: '1.0', title: 'Zero trust', controls: [], score: 1, summary: { pass: 0, fail: 0, notApplicable: 0, waived: 0 } }
 */
export interface FrameworkReport {
  readonly framework: string;
  readonly version: string;
  readonly title: string;
  readonly controls: readonly ControlResult[];
  readonly score: number;
  readonly summary: {
    readonly pass: number;
    readonly fail: number;
    readonly notApplicable: number;
    readonly waived: number;
  };
}

/** A cluster the report covers, with the snapshot that was evaluated. */
export interface SubjectCluster {
  readonly id: string;
  readonly name: string;
  readonly environment: string;
  readonly snapshotId: string;
  /** RFC 3339 timestamp with a time zone. */
  readonly evaluatedAt: string;
}

/**
 * Who and what a report is about. Timestamps are RFC 3339 with a time zone; they come from the
 * caller so every export is a pure function of its input.
 *
 * @example { organization: 'Acme', scope: { kind: 'fleet', name: 'all' }, clusters: [], generatedAt: '2025-03-01T12:00:00Z' }
 */
export interface ReportSubject {
  readonly organization: string;
  readonly scope: { readonly kind: 'cluster' | 'environment' | 'fleet'; readonly name: string };
  readonly clusters: readonly SubjectCluster[];
  readonly generatedAt: string;
  /** The point in time the evaluated state describes, when it differs from `generatedAt`. */
  readonly asOf?: string;
}

/**
 * A framework report for one cluster and the snapshot it was computed from.
 *
 * @example { cluster: { id: 'c1', name: 'prod-eu', environment: 'production' }, snapshotId: 's1', evaluatedAt: '2025-03-01T11:59:00Z', report }
 */
export interface ClusterFrameworkReport {
  readonly cluster: { readonly id: string; readonly name: string; readonly environment: string };
  readonly snapshotId: string;
  readonly evaluatedAt: string;
  readonly report: FrameworkReport;
}
