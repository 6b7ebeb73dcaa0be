import { createHash } from 'node:crypto';
import type { ClusterFrameworkReport, ControlResult } from '../model/report-input';
import { parseTimestamp, type Timestamp } from '../model/timestamp';

/** `result` values of wgpolicyk8s.io/v1alpha2. */
export type PolicyResult = 'pass' | 'fail' | 'warn' | 'error' | 'skip';
/** `severity` values of wgpolicyk8s.io/v1alpha2. */
export type PolicySeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** One entry of `results[]` (wg-policy `PolicyReportResult`). */
export interface PolicyReportResult {
  readonly source: string;
  readonly policy: string;
  readonly rule: string;
  readonly category: string;
  readonly severity: PolicySeverity;
  readonly timestamp: Timestamp;
  readonly result: PolicyResult;
  readonly scored: boolean;
  readonly message: string;
  readonly properties: Readonly<Record<string, string>>;
}

/** A cluster-scoped wg-policy report, as written by {@link toPolicyReport}. */
export interface ClusterPolicyReport {
  readonly apiVersion: 'wgpolicyk8s.io/v1alpha2';
  readonly kind: 'ClusterPolicyReport';
  readonly metadata: {
    readonly name: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
  };
  readonly summary: Readonly<Record<PolicyResult, number>>;
  readonly results: readonly PolicyReportResult[];
}

/** Control status → wg-policy result. Neither n/a nor waived is a pass or a fail: both skip. */
export const POLICY_RESULT_BY_STATUS = {
  pass: 'pass',
  fail: 'fail',
  'not-applicable': 'skip',
  waived: 'skip',
} as const satisfies Record<ControlResult['status'], PolicyResult>;

const MESSAGE_SUFFIX: Record<ControlResult['status'], string> = {
  pass: 'passed',
  fail: 'failed',
  'not-applicable': 'not applicable: nothing to evaluate',
  waived: 'waived: failing subjects are covered by waivers',
};

/**
 * Maps one cluster × framework report to a wgpolicyk8s.io/v1alpha2 `ClusterPolicyReport`
 * (https://github.com/kubernetes-sigs/wg-policy-prototypes/tree/master/policy-report), one
 * result per control: `policy` = framework, `rule` = control id, severities kept as is.
 *
 * @example toPolicyReport(report).metadata.name // 'fenceline-zero-trust'
 */
export function toPolicyReport(input: ClusterFrameworkReport): ClusterPolicyReport {
  const { report } = input;
  const timestamp = parseTimestamp(input.evaluatedAt, 'report.evaluatedAt');
  const results = report.controls.map((control): PolicyReportResult => {
    const properties: Record<string, string> = {
      score: String(control.score),
      evidenceCount: String(control.evidence.length),
      status: control.status,
    };
    if (control.status === 'waived') properties['waived'] = 'true';
    return {
      source: 'fenceline',
      policy: report.framework,
      rule: control.id,
      category: report.title,
      severity: control.severity,
      timestamp,
      result: POLICY_RESULT_BY_STATUS[control.status],
      // Not-applicable controls carry no weight in the framework score; the others do.
      scored: control.status !== 'not-applicable',
      message: `${control.title}: ${MESSAGE_SUFFIX[control.status]}`,
      properties,
    };
  });
  const summary = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const result of results) summary[result.result] += 1;
  return {
    apiVersion: 'wgpolicyk8s.io/v1alpha2',
    kind: 'ClusterPolicyReport',
    metadata: {
      name: policyReportName(report.framework),
      labels: { 'app.kubernetes.io/managed-by': 'fenceline' },
      annotations: {
        'fenceline.dev/cluster-id': input.cluster.id,
        'fenceline.dev/cluster-name': input.cluster.name,
        'fenceline.dev/environment': input.cluster.environment,
        'fenceline.dev/snapshot-id': input.snapshotId,
        'fenceline.dev/framework-version': report.version,
        'fenceline.dev/score': String(report.score),
      },
    },
    summary,
    results,
  };
}

/**
 * `fenceline-<framework>` as a DNS-1123 subdomain. A framework id that had to be altered
 * (case, characters, length) gets a short hash of the original so two ids never collide.
 *
 * @example policyReportName('pci-dss') // 'fenceline-pci-dss'
 */
export function policyReportName(framework: string): string {
  const base = `fenceline-${framework}`;
  const cleaned = base
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-*\.[.-]*/g, '.')
    .replace(/[.-]+$/, '');
  if (cleaned === base && base.length <= 253) return base;
  const hash = createHash('sha256').update(framework).digest('hex').slice(0, 8);
  return `${cleaned.slice(0, 253 - 9).replace(/[.-]+$/, '')}-${hash}`;
}
