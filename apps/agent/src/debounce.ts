/**
 * How long to wait before pushing after a change: a trailing debounce (`debounceMs` after the
 * latest change, so a burst becomes one push), but never past `max(6 × debounceMs, 1 s)` after
 * the first change of the burst, so constant churn still gets pushed. Times are milliseconds on
 * one clock (the agent passes `Date.now()`; tests pass their own).
 */
export function debounceDelay(firstChangeAt: number, now: number, debounceMs: number): number {
  const maxWait = Math.max(6 * debounceMs, 1_000);
  return Math.min(debounceMs, Math.max(0, firstChangeAt + maxWait - now));
}
