/** Collects garbage between runs when the process was started with `--expose-gc`. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** Wall time of one call of `fn` in milliseconds, garbage collected first. */
export function timeOnce(fn: () => unknown): number {
  collectGarbage();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Runs `fn` `warmup` times, then `runs` times (garbage collected before each unless
 * `collectBetweenRuns` is false: then only once, before the first), and returns the
 * median wall time and CPU time of the measured runs in milliseconds, the first (cold) run's
 * time, and the last run's value. `now` and `cpu` are the clocks (milliseconds; tests pass their own).
 *
 * @example timeMedian(7, () => buildModel(inventory).connlist()).ms
 */
export function timeMedian<T>(
  runs: number,
  fn: () => T,
  warmup = 0,
  collectBetweenRuns = true,
  now: () => number = () => performance.now(),
  cpu: () => number = processCpuMs,
): { ms: number; cpuMs: number; value: T; firstMs: number } {
  if (runs < 1) throw new RangeError('at least one run');
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let value: T | undefined;
  collectGarbage();
  for (let i = 0; i < warmup + runs; i++) {
    // Drop the previous result first, so two of them are never alive at once.
    value = undefined;
    if (collectBetweenRuns) collectGarbage();
    const start = now();
    const cpuStart = cpu();
    value = fn();
    cpuTimes.push(cpu() - cpuStart);
    times.push(now() - start);
  }
  // Warm-up runs (JIT compilation) are left out of the median; the first, cold one is kept apart.
  return {
    ms: median(times.slice(warmup)),
    cpuMs: median(cpuTimes.slice(warmup)),
    value: value as T,
    firstMs: times[0] as number,
  };
}

/**
 * CPU time of this process (user + system, all its threads) in milliseconds. The benchmark's
 * process is pinned to one core, so on a quiet machine this equals the wall time; on a shared
 * one it leaves out the time other processes took the core.
 */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The median; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds rounded to 0.1 for reports. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}
