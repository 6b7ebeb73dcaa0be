import { parseCalicoSelector } from './parser';
import { calicoSelectorKeys, calicoSelectorUsesGlobal } from './selector-keys';

describe('calicoSelectorKeys', () => {
  it.each([
    ['', []],
    ['all() && !global()', []],
    ["role == 'database'", ['role']],
    ["b == 'x' || has(a) && b != 'y'", ['a', 'b']],
    [
      "!(app.kubernetes.io/name in {'a'} || tier not in {}) && x contains 'y' && w starts with 'a' || v ends with 'b'",
      ['app.kubernetes.io/name', 'tier', 'v', 'w', 'x'],
    ],
  ])('%j reads %j', (text, keys) => {
    expect(calicoSelectorKeys(parseCalicoSelector(text))).toEqual(keys);
  });
});

describe('calicoSelectorUsesGlobal', () => {
  it.each([
    ['global()', true],
    ["has(a) || !(b == 'c' && global())", true],
    ['all()', false],
    ["global == 'x'", false],
  ])('%j: %s', (text, uses) => {
    expect(calicoSelectorUsesGlobal(parseCalicoSelector(text))).toBe(uses);
  });
});
