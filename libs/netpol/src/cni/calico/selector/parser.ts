import { canonicalSet, type CalicoSelector } from './calico-selector';
import {
  columnAt,
  OPERAND_EXPECTED,
  operatorExpected,
  tokenizeCalicoSelector,
  type Token,
} from './lexer';
import { CalicoSelectorError } from './selector-error';

/**
 * Deepest parenthesis nesting accepted. Calico has no limit; this one keeps the recursive
 * parser, printer and evaluator far from the stack's end, and no real selector comes near it.
 */
export const MAX_SELECTOR_NESTING = 256;

const ALL: CalicoSelector = Object.freeze({ kind: 'all' });

const VALUE_OPERATORS = new Set(['eq', 'ne', 'contains', 'startsWith', 'endsWith'] as const);

/**
 * Parses a Calico selector, or throws a {@link CalicoSelectorError} naming the column, what was
 * expected there and what was found. An empty or blank text is `all()` (the default of a
 * policy's `selector`); where emptiness means something else, as in a rule's
 * `namespaceSelector` ("the same namespace" in a NetworkPolicy), test the raw string first:
 * Calico itself does, so a blank but non-empty `namespaceSelector` is `all()` there.
 * Precedence, highest first: the match operators, parentheses, `!`, `&&`, `||`.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
 *
 * @example parseCalicoSelector("role in {'frontend', 'business'} && !has(canary)")
 */
export function parseCalicoSelector(text: string): CalicoSelector {
  const cursor = new Cursor(text, tokenizeCalicoSelector(text));
  if (cursor.peek().kind === 'eof') return ALL;
  const selector = parseOr(cursor, 0);
  const rest = cursor.peek();
  if (rest.kind !== 'eof') throw cursor.fail(rest, "'&&', '||' or the end of the selector");
  return selector;
}

class Cursor {
  private index = 0;

  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  peek(): Token {
    return this.tokens[this.index]!;
  }

  /** The next token; the final `eof` is returned again and again. */
  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  fail(token: Token, expected: string): CalicoSelectorError {
    return new CalicoSelectorError(
      this.text,
      columnAt(this.text, token.start),
      expected,
      this.describe(token),
    );
  }

  private describe(token: Token): string {
    if (token.kind === 'eof') return 'the end of the selector';
    const source = this.text.slice(token.start, token.end);
    const shown = source.length > 40 ? `${source.slice(0, 40)}…` : source;
    if (token.kind === 'label') return `label '${shown}'`;
    if (token.kind === 'string') return `string ${shown}`;
    return `'${shown}'`;
  }
}

function parseOr(cursor: Cursor, depth: number): CalicoSelector {
  const operands = [parseAnd(cursor, depth)];
  while (cursor.peek().kind === 'or') {
    cursor.next();
    operands.push(parseAnd(cursor, depth));
  }
  return junction('or', operands);
}

function parseAnd(cursor: Cursor, depth: number): CalicoSelector {
  const operands = [parseOperation(cursor, depth)];
  while (cursor.peek().kind === 'and') {
    cursor.next();
    operands.push(parseOperation(cursor, depth));
  }
  return junction('and', operands);
}

function junction(kind: 'and' | 'or', operands: CalicoSelector[]): CalicoSelector {
  const [first, second, ...rest] = operands;
  return second ? { kind, operands: [first!, second, ...rest] } : first!;
}

/** One match, `all()`, `global()` or parenthesised expression, after any run of `!`. */
function parseOperation(cursor: Cursor, depth: number): CalicoSelector {
  // Calico folds a run of `!` into one negation or none: `!!has(a)` is `has(a)`.
  let negated = false;
  while (cursor.peek().kind === 'not') {
    cursor.next();
    negated = !negated;
  }
  const token = cursor.next();
  let selector: CalicoSelector;
  switch (token.kind) {
    case 'has':
      selector = { kind: 'has', key: token.value };
      break;
    case 'all':
    case 'global':
      selector = { kind: token.kind };
      break;
    case 'label':
      selector = parseMatch(cursor, token.value);
      break;
    case 'lparen': {
      if (depth >= MAX_SELECTOR_NESTING) {
        throw cursor.fail(token, `at most ${MAX_SELECTOR_NESTING} nested parentheses`);
      }
      selector = parseOr(cursor, depth + 1);
      const close = cursor.next();
      if (close.kind !== 'rparen') throw cursor.fail(close, "'&&', '||' or ')'");
      break;
    }
    default:
      throw cursor.fail(token, OPERAND_EXPECTED);
  }
  return negated ? { kind: 'not', operand: selector } : selector;
}

/** The operator and operand after a label key. */
function parseMatch(cursor: Cursor, key: string): CalicoSelector {
  const op = cursor.next();
  if (op.kind === 'in' || op.kind === 'notIn') {
    return { kind: op.kind, key, values: canonicalSet(parseSet(cursor)) };
  }
  if (!isValueOperator(op.kind)) throw cursor.fail(op, operatorExpected(key));
  const value = cursor.next();
  if (value.kind !== 'string') throw cursor.fail(value, 'a quoted string');
  return { kind: op.kind, key, value: value.value };
}

function isValueOperator(
  kind: Token['kind'],
): kind is 'eq' | 'ne' | 'contains' | 'startsWith' | 'endsWith' {
  return VALUE_OPERATORS.has(kind as 'eq');
}

/** `{ 'a', "b" }`: quoted strings separated by commas; `{}` and a trailing comma are valid. */
function parseSet(cursor: Cursor): string[] {
  const open = cursor.next();
  if (open.kind !== 'lbrace') throw cursor.fail(open, "a set literal '{ ... }'");
  const values: string[] = [];
  let afterValue = false;
  for (;;) {
    const token = cursor.next();
    if (token.kind === 'rbrace') return values;
    if (!afterValue && token.kind === 'string') {
      values.push(token.value);
      afterValue = true;
    } else if (afterValue && token.kind === 'comma') {
      afterValue = false;
    } else {
      throw cursor.fail(token, afterValue ? "',' or '}'" : "a quoted string or '}'");
    }
  }
}
