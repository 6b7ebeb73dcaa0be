import type { CalicoSelector, CalicoValueOperator } from './calico-selector';
import { MAX_SELECTOR_KEY_LENGTH } from './lexer';

const OPERATOR_TEXT: Readonly<Record<CalicoValueOperator, string>> = {
  eq: '==',
  ne: '!=',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
};

const KEY = /^[A-Za-z0-9_./-]+$/;

/**
 * Renders a selector in Calico's canonical form, the one its own `String()` gives: strings in
 * double quotes (single when the value holds a `"`), sets sorted, and every `&&`/`||` group in
 * parentheses, so `parseCalicoSelector(printCalicoSelector(s))` equals `s`. The one departure:
 * a negated negation, which only parentheses produce, prints as `!(!x)` (Calico prints `!!x`,
 * which reads back as `x`). Throws a `RangeError` for a tree no text can denote: a key outside
 * `[A-Za-z0-9_./-]{1,512}`, or a value holding both quote characters.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
 *
 * @example printCalicoSelector(parseCalicoSelector("a=='x'&&!has(b)")) // '(a == "x" && !has(b))'
 */
export function printCalicoSelector(selector: CalicoSelector): string {
  switch (selector.kind) {
    case 'all':
    case 'global':
      return `${selector.kind}()`;
    case 'has':
      return `has(${key(selector.key)})`;
    case 'in':
    case 'notIn': {
      const op = selector.kind === 'in' ? 'in' : 'not in';
      return `${key(selector.key)} ${op} {${selector.values.map(quote).join(', ')}}`;
    }
    case 'not': {
      const operand = printCalicoSelector(selector.operand);
      return selector.operand.kind === 'not' ? `!(${operand})` : `!${operand}`;
    }
    case 'and':
    case 'or': {
      const op = selector.kind === 'and' ? ' && ' : ' || ';
      return `(${selector.operands.map(printCalicoSelector).join(op)})`;
    }
    default:
      return `${key(selector.key)} ${OPERATOR_TEXT[selector.kind]} ${quote(selector.value)}`;
  }
}

function key(k: string): string {
  if (!KEY.test(k) || k.length > MAX_SELECTOR_KEY_LENGTH)
    throw new RangeError(`not a Calico selector label key: ${JSON.stringify(k)}`);
  return k;
}

function quote(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new RangeError(
    `a Calico selector string cannot hold both quotes: ${JSON.stringify(value)}`,
  );
}
