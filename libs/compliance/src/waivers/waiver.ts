import { matchesLabels, type LabelSelector, type Pod } from '@fenceline/netpol';
import { ComplianceInputError } from '../context/compliance-input-error';
import { waiverSchema, zodIssues } from '../context/context-schema';
import type { Evidence } from '../framework/types';

/**
 * An exception to one control, for a scope, until it expires. An unapproved (no `approvedBy`)
 * or expired waiver never applies.
 *
 * @example { id: 'W-7', controlId: 'ZT-2', scope: { namespace: 'legacy' }, expiresAt: '2026-01-01T00:00:00Z', approvedBy: 'alice' }
 */
export interface Waiver {
  id: string;
  controlId: string;
  /** Every field given must match: the cluster, the subject's namespace, its workload's pod labels. */
  scope: { cluster?: string; namespace?: string; workloadLabels?: Record<string, string> };
  expiresAt: string;
  approvedBy?: string;
  reason?: string;
}

/** Waivers to apply, the cluster being evaluated (matched against `scope.cluster`) and the time. */
export interface WaiverSet {
  waivers: Waiver[];
  cluster?: string;
  now: string;
}

/** Validates waivers (throws {@link ComplianceInputError} with every issue). */
export function validateWaivers(set: WaiverSet): void {
  const issues = set.waivers.flatMap((w, i) => {
    const parsed = waiverSchema.safeParse(w);
    return parsed.success ? [] : zodIssues(parsed.error, `waivers[${i}]`);
  });
  if (Number.isNaN(Date.parse(set.now)))
    issues.push({ path: 'now', message: `not a date: ${JSON.stringify(set.now)}` });
  if (issues.length > 0) throw new ComplianceInputError(issues);
}

/** Whether the waiver is in force: approved by someone and not yet expired at `now`. */
export function waiverInForce(waiver: Waiver, now: Date): boolean {
  return (waiver.approvedBy ?? '').trim() !== '' && Date.parse(waiver.expiresAt) > now.getTime();
}

/**
 * Whether the waiver's scope covers one failing subject. A subject without a namespace (a
 * cluster-wide finding) is covered only by a scope without `namespace` and `workloadLabels`;
 * `workloadLabels` needs a workload subject whose every pod carries the labels.
 */
export function waiverCovers(
  waiver: Waiver,
  subject: Evidence,
  cluster: string | undefined,
  podsOf: (workload: string) => readonly Pod[],
): boolean {
  const { scope } = waiver;
  if (scope.cluster !== undefined && scope.cluster !== cluster) return false;
  if (scope.namespace !== undefined && subject['namespace'] !== scope.namespace) return false;
  if (scope.workloadLabels !== undefined) {
    const workload = subject['workload'];
    if (typeof workload !== 'string') return false;
    const pods = podsOf(workload);
    const selector: LabelSelector = {
      requirements: Object.entries(scope.workloadLabels).map(([key, value]) => ({
        key,
        operator: 'In' as const,
        values: [value],
      })),
    };
    if (pods.length === 0 || !pods.every((p) => matchesLabels(selector, p.labels))) return false;
  }
  return true;
}
