import { columnAt, tokenizeCalicoSelector } from './lexer';
import { CalicoSelectorError } from './selector-error';

// Token rules as Calico's tokenizer applies them (libcalico-go/lib/selector/tokenizer): the docs
// table (https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors) shows
// the operators; blanks, key characters and two-word operators are the tokenizer's.
const kinds = (text: string) => tokenizeCalicoSelector(text).map((t) => t.kind);
const values = (text: string) => tokenizeCalicoSelector(text).map((t) => t.value);

describe('tokenizeCalicoSelector', () => {
  it.each([
    ['', ['eof']],
    [' \t ', ['eof']],
    ["k == 'v'", ['label', 'eq', 'string', 'eof']],
    ["k!='v'", ['label', 'ne', 'string', 'eof']],
    ['has(k)', ['has', 'eof']],
    ['has( k\t)', ['has', 'eof']],
    ['!has(k)', ['not', 'has', 'eof']],
    ["k in { 'a', 'b' }", ['label', 'in', 'lbrace', 'string', 'comma', 'string', 'rbrace', 'eof']],
    ["k in{'a'}", ['label', 'in', 'lbrace', 'string', 'rbrace', 'eof']],
    ["k not in {'a'}", ['label', 'notIn', 'lbrace', 'string', 'rbrace', 'eof']],
    ["k notin {'a'}", ['label', 'notIn', 'lbrace', 'string', 'rbrace', 'eof']],
    ["k not \t in {'a'}", ['label', 'notIn', 'lbrace', 'string', 'rbrace', 'eof']],
    ["k contains 's'", ['label', 'contains', 'string', 'eof']],
    ["k contains's'", ['label', 'contains', 'string', 'eof']],
    ["k starts with 's'", ['label', 'startsWith', 'string', 'eof']],
    ["k startswith 's'", ['label', 'startsWith', 'string', 'eof']],
    ["k ends  with 's'", ['label', 'endsWith', 'string', 'eof']],
    ['all()', ['all', 'eof']],
    ['all( )', ['all', 'eof']],
    ['global()', ['global', 'eof']],
    ['(a)&&b||c', ['lparen', 'label', 'rparen', 'and', 'label', 'or', 'label', 'eof']],
  ])('%j tokenizes as %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('reads keys with a prefix and every key character: letters, digits, _ . / -', () => {
    expect(values('app.kubernetes.io/name == "x"')).toEqual([
      'app.kubernetes.io/name',
      '',
      'x',
      '',
    ]);
    expect(values('has(A-z_0.9/x)')).toEqual(['A-z_0.9/x', '']);
  });

  it('treats operator words as keys where a key is expected (Calico checks them only after a key)', () => {
    expect(kinds("in == 'x' && contains in {'y'}")).toEqual([
      'label',
      'eq',
      'string',
      'and',
      'label',
      'in',
      'lbrace',
      'string',
      'rbrace',
      'eof',
    ]);
    // `has`, `all` and `global` are calls only when `(` follows at once.
    expect(kinds("has == 'x' || all != 'y'")).toEqual([
      'label',
      'eq',
      'string',
      'or',
      'label',
      'ne',
      'string',
      'eof',
    ]);
    expect(kinds('has (a)')).toEqual(['label', 'lparen', 'label', 'rparen', 'eof']);
  });

  it('keeps string contents verbatim: no escapes, the other quote allowed inside', () => {
    expect(values(`a == "it's" || b == 'say "hi"' || c == "\\"`)).toEqual([
      'a',
      '',
      "it's",
      '',
      'b',
      '',
      'say "hi"',
      '',
      'c',
      '',
      '\\',
      '',
    ]);
  });

  it('records offsets of each token', () => {
    const tokens = tokenizeCalicoSelector("  k ==  'v'");
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [2, 3],
      [4, 6],
      [8, 11],
      [11, 11],
    ]);
  });

  it.each([
    ['a = "b"', 3, "'=='"],
    ["a == 'b' & c == 'd'", 10, "'&&'"],
    ["a == 'b' | c == 'd'", 10, "'||'"],
    ["a == 'b", 6, "a closing ' (strings have no escapes)"],
    ['"FOO\'', 1, 'a closing " (strings have no escapes)'],
    ['%', 1, "a label key, has(...), all(), global(), '!' or '('"],
    [
      "a b == 'c'",
      3,
      "an operator after label 'a' (==, !=, in, not in, contains, starts with, ends with)",
    ],
    [
      "a inx {'a'}",
      3,
      "an operator after label 'a' (==, !=, in, not in, contains, starts with, ends with)",
    ],
    [
      "a containsx 'a'",
      3,
      "an operator after label 'a' (==, !=, in, not in, contains, starts with, ends with)",
    ],
    ['has(a', 6, "')' to close has("],
    ['has()', 5, 'a label key inside has('],
    ['all(x)', 5, "')' to close all("],
    ['global(', 8, "')' to close global("],
    ["a == 'x'\n&& b == 'y'", 9, "a label key, has(...), all(), global(), '!' or '('"],
  ])('rejects %j at column %d, expecting %s', (text, column, expected) => {
    const error = catchError(() => tokenizeCalicoSelector(text));
    expect(error).toBeInstanceOf(CalicoSelectorError);
    expect(error).toMatchObject({
      code: 'CALICO_SELECTOR_SYNTAX',
      column,
      expected,
      selector: text,
    });
  });

  it('names a line break as such: Calico separates tokens by spaces and tabs only', () => {
    const error = catchError(() => tokenizeCalicoSelector('has(a)\n'));
    expect(error).toMatchObject({ column: 7, found: expect.stringContaining('a line break') });
  });

  it('limits keys to 512 characters, as Calico does', () => {
    expect(tokenizeCalicoSelector(`has(${'k'.repeat(512)})`)[0]!.value).toHaveLength(512);
    const error = catchError(() => tokenizeCalicoSelector(`x == 'y' || has(${'k'.repeat(513)})`));
    expect(error).toMatchObject({ column: 17, expected: 'a label key of at most 512 characters' });
  });
});

describe('columnAt', () => {
  it('counts characters, so a character outside the BMP is one column', () => {
    expect(columnAt('ab', 0)).toBe(1);
    expect(columnAt('ab', 2)).toBe(3);
    expect(columnAt("'😀' x", 4)).toBe(4);
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
