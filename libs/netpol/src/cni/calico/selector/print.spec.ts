import type { CalicoSelector } from './calico-selector';
import { parseCalicoSelector } from './parser';
import { printCalicoSelector } from './print';

describe('printCalicoSelector', () => {
  // Expected texts are Calico's own canonical forms (Selector.String(), as its parser tests pin
  // them in libcalico-go/lib/selector/parser/parser_test.go "canonicalisationTests").
  it.each([
    ['', 'all()'],
    [' all() ', 'all()'],
    [' (all() )', 'all()'],
    ['! (has( b)||! has(a ))', '!(has(b) || !has(a))'],
    ['! (a == "b"&&! c != "d")', '!(a == "b" && !c != "d")'],
    [`a == "'"`, `a == "'"`],
    [`a == '"'`, `a == '"'`],
    [`a contains '"'`, `a contains '"'`],
    [`a contains "'"`, `a contains "'"`],
    [`a startswith '"'`, `a starts with '"'`],
    [`a endswith "'"`, `a ends with "'"`],
    [`a!='"'`, `a != '"'`],
    [`a in {"d"}`, `a in {"d"}`],
    [`a in {"d", "a", "b"}`, `a in {"a", "b", "d"}`],
    [`a in {"z", "z", "x", "y", "x", "a"}`, `a in {"a", "x", "y", "z"}`],
  ])('prints %j as %j', (text, canonical) => {
    const printed = printCalicoSelector(parseCalicoSelector(text));
    expect(printed).toBe(canonical);
    expect(printCalicoSelector(parseCalicoSelector(printed))).toBe(canonical);
  });

  it.each([
    ["a=='x'&&!has(b)", '(a == "x" && !has(b))'],
    ["a == 'x' || b == 'y' && c == 'z'", '(a == "x" || (b == "y" && c == "z"))'],
    ['(has(a) && has(b)) && has(c)', '((has(a) && has(b)) && has(c))'],
    ['k notin {}', 'k not in {}'],
    ["k not in {'b','a',}", 'k not in {"a", "b"}'],
    ['global()', 'global()'],
    ['!all()', '!all()'],
    ["!!k == 'v'", 'k == "v"'],
    // The one departure from Calico's text: it prints `!!has(a)`, which reads back as has(a).
    ['!(!has(a))', '!(!has(a))'],
  ])('prints %j as %j', (text, canonical) => {
    expect(printCalicoSelector(parseCalicoSelector(text))).toBe(canonical);
  });

  it('reads back what it prints, nested negations included', () => {
    const tree: CalicoSelector = {
      kind: 'not',
      operand: { kind: 'not', operand: { kind: 'not', operand: { kind: 'has', key: 'a' } } },
    };
    expect(parseCalicoSelector(printCalicoSelector(tree))).toEqual(tree);
  });

  it('refuses trees no selector text can denote', () => {
    expect(() => printCalicoSelector({ kind: 'eq', key: 'a', value: `'"` })).toThrow(RangeError);
    expect(() => printCalicoSelector({ kind: 'has', key: 'a b' })).toThrow(RangeError);
    expect(() => printCalicoSelector({ kind: 'has', key: '' })).toThrow(RangeError);
    expect(() => printCalicoSelector({ kind: 'has', key: 'k'.repeat(513) })).toThrow(RangeError);
  });
});
