/**
 * The syntax tree of a Calico selector, shaped as Calico's own parser builds it: `a && b && c` is
 * one `and` with three operands, parentheses only group (`(a && b) && c` keeps the inner `and`),
 * and a run of `!` collapses to one negation or none.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
 *
 * @example parseCalicoSelector("has(app) && tier != 'db'")
 * // { kind: 'and', operands: [{ kind: 'has', key: 'app' }, { kind: 'ne', key: 'tier', value: 'db' }] }
 */
export type CalicoSelector =
  | CalicoAll
  | CalicoGlobal
  | CalicoHas
  | CalicoValueMatch
  | CalicoSetMatch
  | CalicoNot
  | CalicoJunction;

/** `all()`: "Match all in-scope resources." Also what an empty or blank selector means. */
export interface CalicoAll {
  readonly kind: 'all';
}

/**
 * `global()`: "Match all non-namespaced resources." On labels alone it is true, as in Calico's
 * evaluator; its meaning is a scope, applied by `matchesCalicoNamespaceSelector`.
 */
export interface CalicoGlobal {
  readonly kind: 'global';
}

/** `has(k)`: the label is present, whatever its value (the empty value included). */
export interface CalicoHas {
  readonly kind: 'has';
  readonly key: string;
}

/** The operators that compare a label's value with one string. */
export type CalicoValueOperator = 'eq' | 'ne' | 'contains' | 'startsWith' | 'endsWith';

/** `k == 'v'`, `k != 'v'`, `k contains 's'`, `k starts with 's'`, `k ends with 's'`. */
export interface CalicoValueMatch {
  readonly kind: CalicoValueOperator;
  readonly key: string;
  readonly value: string;
}

/**
 * `k in { ... }` and `k not in { ... }`. `values` is sorted by code point and free of duplicates
 * (Calico stores the set that way, so `{'b', 'a', 'a'}` and `{'a', 'b'}` are one selector).
 */
export interface CalicoSetMatch {
  readonly kind: 'in' | 'notIn';
  readonly key: string;
  readonly values: readonly string[];
}

/** `!<expression>`. */
export interface CalicoNot {
  readonly kind: 'not';
  readonly operand: CalicoSelector;
}

/** `a && b && ...` or `a || b || ...`: always two operands or more. */
export interface CalicoJunction {
  readonly kind: 'and' | 'or';
  readonly operands: readonly [CalicoSelector, CalicoSelector, ...CalicoSelector[]];
}

/**
 * Orders strings by code point, as Go compares strings (byte-wise UTF-8), so a set's order is
 * the one Calico prints; JavaScript's default sort orders UTF-16 units and differs above U+FFFF.
 *
 * @example ['\u{1F600}', '\uFF01'].sort(compareCodePoints) // ['\uFF01', '\u{1F600}']
 */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/**
 * A set literal's values as the tree stores them: sorted by code point, duplicates dropped.
 *
 * @example canonicalSet(['b', 'a', 'b']) // ['a', 'b']
 */
export function canonicalSet(values: readonly string[]): string[] {
  const sorted = [...values].sort(compareCodePoints);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}
