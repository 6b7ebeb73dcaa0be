import { debounceDelay } from './debounce';

/**
 * Replays changes at the given times on a manual clock, re-arming the timer at each as the agent
 * does; returns when the first push fires.
 */
function fireTime(changesAt: readonly number[], debounceMs: number): number {
  let first: number | undefined;
  let due = Infinity;
  for (const at of changesAt) {
    if (at >= due) return due; // the timer fired before this change
    first ??= at;
    due = at + debounceDelay(first, at, debounceMs);
  }
  return due;
}

describe('debounceDelay', () => {
  it('waits the whole quiet period after a single change', () => {
    expect(debounceDelay(1_000, 1_000, 300)).toBe(300);
  });

  it('coalesces a burst: the push comes one quiet period after its last change', () => {
    expect(fireTime([0, 10, 20], 300)).toBe(20 + 300);
    expect(fireTime([0, 250, 500, 750], 300)).toBe(750 + 300);
  });

  it('never waits past six periods (at least 1 s) after the first change under constant churn', () => {
    const churn = Array.from({ length: 100 }, (_, i) => i * 100);
    expect(fireTime(churn, 300)).toBe(6 * 300);
    const fasterChurn = Array.from({ length: 100 }, (_, i) => i * 50);
    expect(fireTime(fasterChurn, 100)).toBe(1_000);
    expect(debounceDelay(0, 1_790, 300)).toBe(10);
    expect(debounceDelay(0, 5_000, 300)).toBe(0);
  });

  it('pushes at once with no debounce', () => {
    expect(debounceDelay(0, 0, 0)).toBe(0);
  });
});
