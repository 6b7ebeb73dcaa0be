import type { Labels } from '../../../selector/label-selector';
import { matchesCalicoNamespaceSelector, matchesCalicoSelector } from './evaluate';
import { parseCalicoSelector } from './parser';

// Each row: a sentence of https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
// (the "Meaning" column of its table), a selector, label sets it must match and must not match.
interface Row {
  readonly doc: string;
  readonly selector: string;
  readonly matches: readonly Labels[];
  readonly misses: readonly Labels[];
}

const DOC_ROWS: readonly Row[] = [
  {
    doc: 'all(): "Match all in-scope resources."',
    selector: 'all()',
    matches: [{}, { a: 'b' }],
    misses: [],
  },
  {
    doc: 'all(): "To match no resources, combine this operator with ! to form !all()."',
    selector: '!all()',
    matches: [],
    misses: [{}, { a: 'b' }],
  },
  {
    doc: "k == 'v': \"Matches resources with the label 'k' and value 'v'.\"",
    selector: "k == 'v'",
    matches: [{ k: 'v' }, { k: 'v', other: 'x' }],
    misses: [{}, { k: 'w' }, { k: '' }, { K: 'v' }, { other: 'v' }],
  },
  {
    doc: "k != 'v': \"Matches resources without label 'k' or with label 'k' and value not equal to v\"",
    selector: "k != 'v'",
    matches: [{}, { other: 'v' }, { k: 'w' }, { k: '' }],
    misses: [{ k: 'v' }, { k: 'v', other: 'x' }],
  },
  {
    doc: 'has(k): "Matches resources with label \'k\', independent of value."',
    selector: 'has(k)',
    matches: [{ k: 'v' }, { k: '' }],
    misses: [{}, { kk: 'v' }],
  },
  {
    doc: 'has(k): "To match pods that do not have label k, combine this operator with ! to form !has(k)"',
    selector: '!has(k)',
    matches: [{}, { kk: 'v' }],
    misses: [{ k: 'v' }, { k: '' }],
  },
  {
    doc: "k in { 'v1', 'v2' }: \"Matches resources with label 'k' and value in the given set\"",
    selector: "k in { 'v1', 'v2' }",
    matches: [{ k: 'v1' }, { k: 'v2' }],
    misses: [{}, { k: 'v3' }, { k: '' }, { other: 'v1' }],
  },
  {
    doc: "k not in { 'v1', 'v2' }: \"Matches resources without label 'k' or with label 'k' and value not in the given set\"",
    selector: "k not in { 'v1', 'v2' }",
    matches: [{}, { k: 'v3' }, { k: '' }, { other: 'v1' }],
    misses: [{ k: 'v1' }, { k: 'v2' }],
  },
  {
    doc: "k contains 's': \"Matches resources with label 'k' and value containing the substring 's'\"",
    selector: "k contains 'ab'",
    matches: [{ k: 'ab' }, { k: 'xaby' }, { k: 'xab' }],
    misses: [{}, { k: 'a' }, { k: 'ba' }, { other: 'ab' }],
  },
  {
    doc: "k starts with 's': \"Matches resources with label 'k' and value starting with the substring 's'\"",
    selector: "k starts with 'ab'",
    matches: [{ k: 'ab' }, { k: 'abc' }],
    misses: [{}, { k: 'cab' }, { k: 'a' }, { other: 'ab' }],
  },
  {
    doc: "k ends with 's': \"Matches resources with label 'k' and value ending with the substring 's'\"",
    selector: "k ends with 'ab'",
    matches: [{ k: 'ab' }, { k: 'cab' }],
    misses: [{}, { k: 'abc' }, { k: 'b' }, { other: 'ab' }],
  },
  {
    doc: '( <expression> ): "Matches if and only if <expression> matches."',
    selector: "(k == 'v')",
    matches: [{ k: 'v' }],
    misses: [{}, { k: 'w' }],
  },
  {
    doc: '! <expression>: "Matches if and only if <expression> does not match."',
    selector: "!(k == 'v')",
    matches: [{}, { k: 'w' }],
    misses: [{ k: 'v' }],
  },
  {
    doc: '&&: "matches if and only if both <expression 1>, and, <expression 2> matches"',
    selector: "a == 'x' && b == 'y'",
    matches: [{ a: 'x', b: 'y' }],
    misses: [{}, { a: 'x' }, { b: 'y' }, { a: 'x', b: 'z' }],
  },
  {
    doc: '||: "matches if and only if either <expression 1>, or, <expression 2> matches."',
    selector: "a == 'x' || b == 'y'",
    matches: [{ a: 'x' }, { b: 'y' }, { a: 'x', b: 'y' }],
    misses: [{}, { a: 'y', b: 'x' }],
  },
  {
    doc: 'precedence example: "It would match: Any resource that did not have label "my-label". Any resource that both: Has a value for my-label that starts with "prod", and, Has a role label with value either "frontend", or "business"."',
    selector: "! has(my-label) || my-label starts with 'prod' && role in {'frontend','business'}",
    matches: [
      {},
      { role: 'db' },
      { 'my-label': 'prod-1', role: 'frontend' },
      { 'my-label': 'prod', role: 'business' },
    ],
    misses: [
      { 'my-label': 'prod-1' },
      { 'my-label': 'dev', role: 'frontend' },
      { 'my-label': 'prod', role: 'db' },
    ],
  },
];

describe('matchesCalicoSelector', () => {
  describe.each(DOC_ROWS)('$doc', (row) => {
    const selector = parseCalicoSelector(row.selector);
    const cases = [
      ...row.matches.map((l) => [JSON.stringify(l), l, true] as const),
      ...row.misses.map((l) => [JSON.stringify(l), l, false] as const),
    ];
    it.each(cases)(`${row.selector} on %s: %s`, (_, labels, expected) => {
      expect(matchesCalicoSelector(selector, labels)).toBe(expected);
    });
  });

  it('an empty selector matches everything ("selector ... Default all()")', () => {
    expect(matchesCalicoSelector(parseCalicoSelector(''), {})).toBe(true);
    expect(matchesCalicoSelector(parseCalicoSelector('  '), { a: 'b' })).toBe(true);
  });

  it('is true for global() on labels alone, as in Calico; scope is matchesCalicoNamespaceSelector', () => {
    expect(matchesCalicoSelector(parseCalicoSelector('global()'), {})).toBe(true);
    expect(matchesCalicoSelector(parseCalicoSelector('!global()'), { a: 'b' })).toBe(false);
  });

  it('reads own labels only: a key named like an Object member is an ordinary absent label', () => {
    const absent = parseCalicoSelector('has(constructor) || __proto__ == "x" || toString != "y"');
    expect(matchesCalicoSelector(absent, {})).toBe(true); // through `toString != "y"` alone
    expect(matchesCalicoSelector(parseCalicoSelector('has(constructor)'), {})).toBe(false);
    expect(
      matchesCalicoSelector(parseCalicoSelector('has(constructor)'), { constructor: '' }),
    ).toBe(true);
  });

  it('compares values exactly: case and the empty string count', () => {
    expect(matchesCalicoSelector(parseCalicoSelector("k == 'V'"), { k: 'v' })).toBe(false);
    expect(matchesCalicoSelector(parseCalicoSelector("k == ''"), { k: '' })).toBe(true);
    expect(matchesCalicoSelector(parseCalicoSelector("k == ''"), {})).toBe(false);
    expect(matchesCalicoSelector(parseCalicoSelector("k contains ''"), { k: '' })).toBe(true);
    expect(matchesCalicoSelector(parseCalicoSelector("k contains ''"), {})).toBe(false);
    expect(matchesCalicoSelector(parseCalicoSelector('k in {}'), { k: '' })).toBe(false);
    expect(matchesCalicoSelector(parseCalicoSelector('k not in {}'), {})).toBe(true);
  });
});

describe('matchesCalicoNamespaceSelector', () => {
  // "global(): Match all non-namespaced resources. Useful in a namespaceSelector to select global
  // resources such as global network sets." Calico rewrites a rule's namespaceSelector with
  // all() → has(projectcalico.org/namespace) and global() → !has(projectcalico.org/namespace), the
  // label tests reading the namespace's labels (libcalico-go updateprocessors/rules.go).
  const shop: Labels = { 'projectcalico.org/name': 'shop', team: 'web' };

  it.each<[string, boolean, boolean]>([
    ['global()', false, true],
    ['all()', true, false],
    ['!global()', true, false],
    ['!all()', false, true],
    ["team == 'web'", true, false],
    ["projectcalico.org/name == 'shop'", true, false],
    ["team == 'db'", false, false],
    // A non-namespaced resource has no namespace labels, so negative tests hold for it.
    ["team != 'db'", true, true],
    ["team not in {'db'}", true, true],
    ['!has(team)', false, true],
    ["team == 'web' || global()", true, true],
  ])('%s: namespaced in shop %s, non-namespaced %s', (text, inShop, nonNamespaced) => {
    const selector = parseCalicoSelector(text);
    expect(matchesCalicoNamespaceSelector(selector, shop)).toBe(inShop);
    expect(matchesCalicoNamespaceSelector(selector, undefined)).toBe(nonNamespaced);
  });
});
