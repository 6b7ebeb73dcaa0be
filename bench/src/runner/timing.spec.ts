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
