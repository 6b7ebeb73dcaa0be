import { median, timeMedian } from './timing';

describe('median', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('timeMedian', () => {
  it('runs the function the given number of times and returns the last value', () => {
    let calls = 0;
    const timed = timeMedian(3, () => ++calls);
    expect(calls).toBe(3);
    expect(timed.value).toBe(3);
    expect(timed.ms).toBeGreaterThanOrEqual(0);
  });
});

describe('timeMedian with warm-up', () => {
  it('runs warm-up runs first, leaves them out of the median and reports the first run apart', () => {
    let calls = 0;
    const timed = timeMedian(3, () => ++calls, 2);
    expect(calls).toBe(5);
    expect(timed.value).toBe(5);
    expect(timed.firstMs).toBeGreaterThanOrEqual(0);
  });
});

describe('timeMedian leaves warm-up runs out', () => {
  it('a slow first run counts as cold, not in the median', () => {
    // A clock that only the measured function moves: the first two runs take 40 ms (JIT
    // compilation), the three measured ones 1, 3 and 2 ms.
    let clock = 0;
    const durations = [40, 40, 1, 3, 2];
    let calls = 0;
    const timed = timeMedian(
      3,
      () => (clock += durations[calls++] ?? 0),
      2,
      false,
      () => clock,
      () => clock / 2,
    );
    expect(calls).toBe(5);
    expect(timed.firstMs).toBe(40);
    expect(timed.ms).toBe(2);
    expect(timed.cpuMs).toBe(1);
  });
});
