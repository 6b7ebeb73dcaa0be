import fc from 'fast-check';

/**
 * Exactly `count` values, the i-th from `item(i)` (so that objects get distinct names); `[]` for
 * none, which `fc.tuple()` would give too but typed as an empty tuple.
 *
 * @example `tupleOf(3, (i) => podArbitrary(i))` gives pods `pod-0`, `pod-1`, `pod-2`
 */
export const tupleOf = <T>(
  count: number,
  item: (index: number) => fc.Arbitrary<T>,
): fc.Arbitrary<T[]> =>
  count === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: count }, (_, i) => item(i)));
