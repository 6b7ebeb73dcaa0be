import type { ControlStatus } from './types';

/** How many controls have each status. */
export interface StatusCounts {
  readonly pass: number;
  readonly fail: number;
  readonly notApplicable: number;
  readonly waived: number;
}

/**
 * A framework's score: the mean score of its applicable controls (pass, fail, waived); 1 when
 * none is applicable. The one formula, for a fresh evaluation and for a report of stored results.
 *
 * @example frameworkScore([{ status: 'pass', score: 1 }, { status: 'fail', score: 0.5 }]) // 0.75
 */
export function frameworkScore(
  controls: readonly { readonly status: ControlStatus; readonly score: number }[],
): number {
  const applicable = controls.filter((c) => c.status !== 'not-applicable');
  return applicable.length === 0
    ? 1
    : applicable.reduce((sum, c) => sum + c.score, 0) / applicable.length;
}

/** The controls counted by status. */
export function statusCounts(
  controls: readonly { readonly status: ControlStatus }[],
): StatusCounts {
  const count = (status: ControlStatus): number =>
    controls.filter((c) => c.status === status).length;
  return {
    pass: count('pass'),
    fail: count('fail'),
    notApplicable: count('not-applicable'),
    waived: count('waived'),
  };
}
