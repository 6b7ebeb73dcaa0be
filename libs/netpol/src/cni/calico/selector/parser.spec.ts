import type { CalicoSelector } from './calico-selector';
import { MAX_SELECTOR_NESTING, parseCalicoSelector } from './parser';
import { CalicoSelectorError } from './selector-error';

// Expected trees follow the grammar of
// https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors:
// "Operators have the following precedence: Highest: all the match operators; Parentheses
// ( ... ); Negation with !; Conjunction with &&; Lowest: Disjunction with ||".
const has = (key: string): CalicoSelector => ({ kind: 'has', key });
const eq = (key: string, value: string): CalicoSelector => ({ kind: 'eq', key, value });
const not = (operand: CalicoSelector): CalicoSelector => ({ kind: 'not', operand });
const and = (a: CalicoSelector, b: CalicoSelector, ...rest: CalicoSelector[]): CalicoSelector => ({
  kind: 'and',
  operands: [a, b, ...rest],
});
const or = (a: CalicoSelector, b: CalicoSelector, ...rest: CalicoSelector[]): CalicoSelector => ({
  kind: 'or',
  operands: [a, b, ...rest],
});

describe('parseCalicoSelector', () => {
  it.each<[string, CalicoSelector]>([
    // Spec default: `selector` "Selects the endpoints to which this policy applies", default all().
    ['', { kind: 'all' }],
    ['  \t', { kind: 'all' }],
    ['all()', { kind: 'all' }],
    ['global()', { kind: 'global' }],
    // The sample policies: "selector: role == 'database'", "selector: role == 'frontend'".
    ["role == 'database'", eq('role', 'database')],
    ["k != 'v'", { kind: 'ne', key: 'k', value: 'v' }],
    ['has(k)', has('k')],
    ['!has(k)', not(has('k'))],
    ["k in { 'v1', 'v2' }", { kind: 'in', key: 'k', values: ['v1', 'v2'] }],
    ["k not in { 'v1', 'v2' }", { kind: 'notIn', key: 'k', values: ['v1', 'v2'] }],
    ["k contains 's'", { kind: 'contains', key: 'k', value: 's' }],
    ["k starts with 's'", { kind: 'startsWith', key: 'k', value: 's' }],
    ["k ends with 's'", { kind: 'endsWith', key: 'k', value: 's' }],
    // Automatic labels page: "namespaceSelector: projectcalico.org/name in {"foo", "bar"}".
    [
      'projectcalico.org/name in {"foo", "bar"}',
      { kind: 'in', key: 'projectcalico.org/name', values: ['bar', 'foo'] },
    ],
    ['!all()', not({ kind: 'all' })],
  ])('parses %j', (text, expected) => {
    expect(parseCalicoSelector(text)).toEqual(expected);
  });

  it('brackets the documentation example as the documentation says', () => {
    // The page's bracketed form has one "(" too many; balanced, it is the one below. "It would
    // match: Any resource that did not have label "my-label". Any resource that both: Has a value
    // for my-label that starts with "prod", and, Has a role label with value either "frontend",
    // or "business"."
    const text =
      "! has(my-label) || my-label starts with 'prod' && role in {'frontend','business'}";
    const bracketed =
      "(!(has(my-label)) || ((my-label starts with 'prod') && (role in {'frontend','business'})))";
    const expected = or(
      not(has('my-label')),
      and(
        { kind: 'startsWith', key: 'my-label', value: 'prod' },
        { kind: 'in', key: 'role', values: ['business', 'frontend'] },
      ),
    );
    expect(parseCalicoSelector(text)).toEqual(expected);
    expect(parseCalicoSelector(bracketed)).toEqual(expected);
  });

  it.each<[string, CalicoSelector]>([
    ["a == 'x' || b == 'y' && c == 'z'", or(eq('a', 'x'), and(eq('b', 'y'), eq('c', 'z')))],
    ["a == 'x' && b == 'y' || c == 'z'", or(and(eq('a', 'x'), eq('b', 'y')), eq('c', 'z'))],
    ['!has(a) && has(b)', and(not(has('a')), has('b'))],
    // "!" binds to the whole match: `!a == 'x'` is `!(a == 'x')`.
    ["!a == 'x' || b == 'y'", or(not(eq('a', 'x')), eq('b', 'y'))],
    ["!(a == 'x' || b == 'y')", not(or(eq('a', 'x'), eq('b', 'y')))],
    ['has(a) && has(b) && has(c)', and(has('a'), has('b'), has('c'))],
    ['has(a) || has(b) || has(c)', or(has('a'), has('b'), has('c'))],
    ['((((has(a)))))', has('a')],
    [
      '(has(a) && (has(b) || (has(c) && !(has(d)))))',
      and(has('a'), or(has('b'), and(has('c'), not(has('d'))))),
    ],
    // Parentheses group but are not flattened away, as in Calico's tree.
    ['(has(a) && has(b)) && has(c)', and(and(has('a'), has('b')), has('c'))],
    // A run of "!" folds into one or none; a "!" before parentheses stays separate.
    ['!!has(a)', has('a')],
    ['! ! !has(a)', not(has('a'))],
    ['!(!has(a))', not(not(has('a')))],
  ])('gives %j its precedence', (text, expected) => {
    expect(parseCalicoSelector(text)).toEqual(expected);
  });

  it('stores a set sorted and without repeats, and accepts {} and a trailing comma', () => {
    expect(parseCalicoSelector(`a in {"z", "z", "x", "y", "x", "a"}`)).toEqual({
      kind: 'in',
      key: 'a',
      values: ['a', 'x', 'y', 'z'],
    });
    expect(parseCalicoSelector("a in {'x',}")).toEqual({ kind: 'in', key: 'a', values: ['x'] });
    expect(parseCalicoSelector('a not in {}')).toEqual({ kind: 'notIn', key: 'a', values: [] });
  });

  it('accepts both quote styles, and the other quote inside a string', () => {
    expect(parseCalicoSelector(`a == "it's" && b == 'say "hi"'`)).toEqual(
      and(eq('a', "it's"), eq('b', 'say "hi"')),
    );
    expect(parseCalicoSelector(`a == ''`)).toEqual(eq('a', ''));
  });

  it.each([
    // Malformed inputs, several from Calico's own list of bad selectors.
    ['app == web', 8, 'a quoted string', "label 'web'"],
    ["'b1' == b", 1, "a label key, has(...), all(), global(), '!' or '('", "string 'b1'"],
    [
      'b',
      2,
      "an operator after label 'b' (==, !=, in, not in, contains, starts with, ends with)",
      'the end of the selector',
    ],
    [
      'a ',
      3,
      "an operator after label 'a' (==, !=, in, not in, contains, starts with, ends with)",
      'the end of the selector',
    ],
    ['!', 2, "a label key, has(...), all(), global(), '!' or '('", 'the end of the selector'],
    ['foo != ||', 8, 'a quoted string', "'||'"],
    ['foo in ""', 8, "a set literal '{ ... }'", 'string ""'],
    ['foo in {"", ||', 13, "a quoted string or '}'", "'||'"],
    ["a in {'x' 'y'}", 11, "',' or '}'", "string 'y'"],
    ['a in {,}', 7, "a quoted string or '}'", "','"],
    ['(', 2, "a label key, has(...), all(), global(), '!' or '('", 'the end of the selector'],
    ['(a == "foo"', 12, "'&&', '||' or ')'", 'the end of the selector'],
    [')', 1, "a label key, has(...), all(), global(), '!' or '('", "')'"],
    ['()', 2, "a label key, has(...), all(), global(), '!' or '('", "')'"],
    [
      'has(foo) &&',
      12,
      "a label key, has(...), all(), global(), '!' or '('",
      'the end of the selector',
    ],
    ["a == 'b' c", 10, "'&&', '||' or the end of the selector", "label 'c'"],
    ['has(a) has(b)', 8, "'&&', '||' or the end of the selector", "'has(b)'"],
    [
      'has (a)',
      5,
      "an operator after label 'has' (==, !=, in, not in, contains, starts with, ends with)",
      "'('",
    ],
    ['(has(a) || has(b)) )', 20, "'&&', '||' or the end of the selector", "')'"],
    ["a == 'b' && == 'c'", 13, "a label key, has(...), all(), global(), '!' or '('", "'=='"],
  ])('rejects %j at column %d, expecting %s', (text, column, expected, found) => {
    const error = catchError(() => parseCalicoSelector(text));
    expect(error).toBeInstanceOf(CalicoSelectorError);
    expect(error).toMatchObject({ code: 'CALICO_SELECTOR_SYNTAX', column, expected, found });
    expect((error as Error).message).toBe(`column ${column}: expected ${expected}, found ${found}`);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const error = catchError(() => parseCalicoSelector("a == '😀' || %"));
    expect(error).toMatchObject({ column: 13, found: "'%'" });
  });

  it(`accepts ${MAX_SELECTOR_NESTING} nested parentheses and rejects one more at its column`, () => {
    const nest = (n: number) => `${'('.repeat(n)}has(a)${')'.repeat(n)}`;
    expect(parseCalicoSelector(nest(MAX_SELECTOR_NESTING))).toEqual(has('a'));
    const error = catchError(() => parseCalicoSelector(nest(MAX_SELECTOR_NESTING + 1)));
    expect(error).toMatchObject({ column: MAX_SELECTOR_NESTING + 1 });
  });
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
