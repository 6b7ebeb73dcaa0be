import type { LabelRequirement } from '../../../selector/label-selector';
import { parseCalicoSelector } from './parser';
import { calicoToLabelSelector } from './to-label-selector';

const req = (key: string, operator: LabelRequirement['operator'], values: string[] = []) => ({
  key,
  operator,
  values,
});

describe('calicoToLabelSelector', () => {
  // Kubernetes semantics: "NotIn and DoesNotExist match when the key is absent", as Calico's
  // `!=`, `not in` and `!has`; `In` and `Exists` need the key, as `==`, `in` and `has`.
  it.each<[string, LabelRequirement[]]>([
    ['', []],
    ['all()', []],
    ["app == 'web'", [req('app', 'In', ['web'])]],
    ["app != 'web'", [req('app', 'NotIn', ['web'])]],
    ['has(app)', [req('app', 'Exists')]],
    ['!has(app)', [req('app', 'DoesNotExist')]],
    ["tier in {'b', 'a'}", [req('tier', 'In', ['a', 'b'])]],
    ["tier not in {'a'}", [req('tier', 'NotIn', ['a'])]],
    ["!app == 'web'", [req('app', 'NotIn', ['web'])]],
    ["!app != 'web'", [req('app', 'In', ['web'])]],
    ["!tier not in {'a'}", [req('tier', 'In', ['a'])]],
    ['tier not in {}', []],
    ['!(tier in {})', []],
    [
      "app == 'web' && !has(canary) && (tier in {'a'} && all())",
      [req('app', 'In', ['web']), req('canary', 'DoesNotExist'), req('tier', 'In', ['a'])],
    ],
    // A negated OR is the AND of the negations.
    ["!(has(a) || b == 'x')", [req('a', 'DoesNotExist'), req('b', 'NotIn', ['x'])]],
  ])('%j becomes %j', (text, requirements) => {
    expect(calicoToLabelSelector(parseCalicoSelector(text))?.requirements).toEqual(requirements);
  });

  it.each([
    'has(a) || has(b)',
    '!(has(a) && has(b))',
    "a contains 'x'",
    "a starts with 'x'",
    "a ends with 'x'",
    'global()',
    '!all()',
    'tier in {}',
    "app == 'web' && a contains 'x'",
  ])('%j has no LabelSelector', (text) => {
    expect(calicoToLabelSelector(parseCalicoSelector(text))).toBeUndefined();
  });

  it('carries the canonical key, equal for selectors that differ only in order', () => {
    const a = calicoToLabelSelector(parseCalicoSelector("a == 'x' && b in {'1', '2'}"));
    const b = calicoToLabelSelector(parseCalicoSelector("b in {'2', '1'} && a == 'x'"));
    expect(a?.key).toBe(b?.key);
    expect(a?.key).not.toBe('');
  });
});
