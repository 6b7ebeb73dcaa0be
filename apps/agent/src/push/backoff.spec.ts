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

  describe('sleep', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('resolves when its time has passed', async () => {
      let done = false;
      const pending = sleep(60_000).then(() => (done = true));
      await jest.advanceTimersByTimeAsync(59_999);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await pending;
      expect(done).toBe(true);
    });

    it('resolves as soon as it is aborted, and leaves no timer behind', async () => {
      const controller = new AbortController();
      const pending = sleep(60_000, controller.signal);
      expect(jest.getTimerCount()).toBe(1);
      controller.abort();
      await pending;
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});
