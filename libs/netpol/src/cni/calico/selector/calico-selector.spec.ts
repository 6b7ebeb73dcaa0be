import { canonicalSet, compareCodePoints } from './calico-selector';

describe('compareCodePoints', () => {
  it('orders by code point as Go compares strings, not by UTF-16 unit', () => {
    // U+FF01 is one UTF-16 unit above the surrogates of U+1F600, but a lower code point.
    expect(['\u{1F600}', '\uFF01'].sort(compareCodePoints)).toEqual(['\uFF01', '\u{1F600}']);
    expect(['\u{1F600}', '\uFF01'].sort()).toEqual(['\u{1F600}', '\uFF01']);
  });

  it('puts a prefix first and equal strings level', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'ab')).toBeGreaterThan(0);
    expect(compareCodePoints('', '')).toBe(0);
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
  });
});

describe('canonicalSet', () => {
  it('sorts and drops repeats, as Calico stores a set literal', () => {
    expect(canonicalSet(['z', 'z', 'x', 'y', 'x', 'a'])).toEqual(['a', 'x', 'y', 'z']);
    expect(canonicalSet([])).toEqual([]);
    expect(canonicalSet(['', ''])).toEqual(['']);
  });
});
