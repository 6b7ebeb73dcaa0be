import { compareCodePoints, type CalicoSelector } from './calico-selector';

/**
 * Every label key the selector reads, sorted and without repeats: two resources that agree on
 * these keys (present or absent, and the same values) are matched alike, which is what lets the
 * fast model group pods by label vocabulary. `all()` and `global()` read no label.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
 *
 * @example calicoSelectorKeys(parseCalicoSelector("b == 'x' || has(a) && b != 'y'")) // ['a', 'b']
 */
export function calicoSelectorKeys(selector: CalicoSelector): string[] {
  const keys = new Set<string>();
  visit(selector, (s) => {
    if ('key' in s) keys.add(s.key);
  });
  return [...keys].sort(compareCodePoints);
}

/**
 * Whether `global()` occurs anywhere in the selector. Calico accepts it only in a rule's
 * `namespaceSelector`, and there only alone ("If the namespaceSelector contains global(), then
 * it should be the only selector", its validator says): a check for the policy parser.
 *
 * @example calicoSelectorUsesGlobal(parseCalicoSelector('!global()')) // true
 */
export function calicoSelectorUsesGlobal(selector: CalicoSelector): boolean {
  let found = false;
  visit(selector, (s) => {
    if (s.kind === 'global') found = true;
  });
  return found;
}

function visit(selector: CalicoSelector, f: (s: CalicoSelector) => void): void {
  f(selector);
  if (selector.kind === 'not') visit(selector.operand, f);
  else if (selector.kind === 'and' || selector.kind === 'or') {
    for (const operand of selector.operands) visit(operand, f);
  }
}
