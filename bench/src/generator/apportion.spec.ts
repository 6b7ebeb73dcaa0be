import { apportion } from './apportion';

describe('apportion', () => {
  it.each([
    { total: 10, weights: [1, 1, 2], min: 0, expected: [3, 2, 5] },
    { total: 7, weights: [1, 1, 1], min: 0, expected: [3, 2, 2] },
    { total: 5, weights: [100, 1, 1], min: 1, expected: [3, 1, 1] },
    { total: 2, weights: [1, 1, 1], min: 1, expected: [1, 1, 0] },
    { total: 0, weights: [1, 2], min: 1, expected: [0, 0] },
  ])('splits $total over $weights (min $min)', ({ total, weights, min, expected }) => {
    const parts = apportion(total, weights, min);
    expect(parts).toEqual(expected);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });
});
