import type { Evidence } from '../framework/types';
import type { CheckContext } from './check-context';

/**
 * What a check decides. `failures` are the failing subjects (each names its `namespace`, and
 * `workload` when it is one; waivers are matched against them); `details` is further evidence
 * (what was evaluated, why nothing was). `score` is the share of subjects passing.
 */
export interface CheckOutcome {
  readonly status: 'pass' | 'fail' | 'not-applicable';
  readonly score: number;
  readonly failures: Evidence[];
  readonly details: Evidence[];
}

export type Check = (ctx: CheckContext) => CheckOutcome;

/** Nothing to evaluate, and why. */
export function notApplicable(reason: string, extra: Evidence = {}): CheckOutcome {
  return { status: 'not-applicable', score: 1, failures: [], details: [{ reason, ...extra }] };
}

/** Pass or fail from the failing subjects out of `total` subjects. */
export function fromSubjects(
  total: number,
  failures: Evidence[],
  details: Evidence[] = [],
  failingCount = failures.length,
): CheckOutcome {
  return {
    status: failures.length === 0 ? 'pass' : 'fail',
    score: total === 0 ? 1 : (total - failingCount) / total,
    failures,
    details,
  };
}
