import type { WorkloadId } from '../generator/cluster-spec';
import type { WorkloadResult } from './workload-result';

interface Criterion {
  readonly label: string;
  readonly value: (r: WorkloadResult) => number | undefined;
  /** `max`: the value must not exceed the limit; `min`: it must reach it. */
  readonly kind: 'max' | 'min';
  readonly limit: number;
}

/** Targets are checked on CPU time: the process is pinned to one core, and a shared machine's other load does not count against it. */
const modelMs = (limit: number): Criterion => ({
  label: `≤ ${limit} ms`,
  value: (r) => r.modelCpuMs,
  kind: 'max',
  limit,
});

/** The performance targets, per workload (they apply to full-size runs only). */
export const TARGETS: Readonly<Record<WorkloadId, readonly Criterion[]>> = {
  W1: [
    modelMs(25),
    { label: '≥ 100× reference', value: (r) => r.speedup, kind: 'min', limit: 100 },
  ],
  W2: [modelMs(150)],
  W3: [modelMs(250), { label: 'diff ≤ 100 ms', value: (r) => r.diffMs, kind: 'max', limit: 100 }],
  W4: [modelMs(3000), { label: 'RSS ≤ 1024 MB', value: (r) => r.rssMb, kind: 'max', limit: 1024 }],
  W5r: [modelMs(1200)],
  W5a: [modelMs(2000)],
  W6: [modelMs(300)],
  W7c: [modelMs(400)],
};

/** The target as one cell: `≤ 250 ms, diff ≤ 100 ms`. */
export function targetText(id: WorkloadId): string {
  return TARGETS[id].map((c) => c.label).join(', ');
}

/**
 * `met`, or `missed by X%` for the criterion missed by the most (a missing value counts as
 * missed); `n/a` on a scaled run, where the targets do not apply.
 *
 * @example verdict({ ...result, id: 'W2', modelMs: 180 }, 1) // 'missed by 20%'
 */
export function verdict(result: WorkloadResult, scale: number): string {
  if (scale !== 1) return `n/a (scale ${scale})`;
  let worst = 0;
  for (const c of TARGETS[result.id]) {
    const value = c.value(result);
    if (value === undefined) return 'missed (not measured)';
    const excess = c.kind === 'max' ? value / c.limit - 1 : c.limit / value - 1;
    worst = Math.max(worst, excess);
  }
  return worst <= 0 ? 'met' : `missed by ${Math.ceil(worst * 100)}%`;
}
