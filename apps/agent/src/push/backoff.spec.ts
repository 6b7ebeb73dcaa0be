import { Backoff, sleep } from './backoff';

describe('Backoff', () => {
  it('doubles up to the cap, between half and all of it', () => {
    const low = new Backoff(1_000, 10_000, () => 0);
    expect([1, 2, 3, 4, 5, 6].map(() => low.next())).toEqual([
      500, 1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
    const high = new Backoff(1_000, 10_000, () => 0.999999);
    expect([1, 2, 3, 4, 5].map(() => high.next())).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    high.reset();
    expect(high.next()).toBe(1_000);
    expect(high.attempts).toBe(1);
  });

  it('spreads retries of agents that failed together', () => {
    const waits = new Set(Array.from({ length: 50 }, () => new Backoff(1_000, 60_000).next()));
    expect(waits.size).toBeGreaterThan(20);
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(500);
  });

  it('sleeps until aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(60_000, controller.signal);
    controller.abort();
    await pending;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
