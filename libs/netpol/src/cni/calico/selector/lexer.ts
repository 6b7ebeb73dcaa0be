import { CalicoSelectorError } from './selector-error';

/**
 * Token kinds of the selector language. Operators that read a label (`in`, `not in`, `contains`,
 * `starts with`, `ends with`) are words only right after a label key, so `in == 'x'` compares
 * a label named `in`, as in Calico's tokenizer.
 */
export type TokenKind =
  | 'label'
  | 'string'
  | 'has'
  | 'all'
  | 'global'
  | 'eq'
  | 'ne'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'startsWith'
  | 'endsWith'
  | 'not'
  | 'and'
  | 'or'
  | 'lparen'
  | 'rparen'
  | 'lbrace'
  | 'rbrace'
  | 'comma'
  | 'eof';

/** One token: its kind, its value (label key or string contents) and where it lies in the text. */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  /** UTF-16 offsets of the token's source text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** Calico's limit on a label key inside a selector. */
export const MAX_SELECTOR_KEY_LENGTH = 512;

/** Where a selector may begin an operand; used in messages. */
export const OPERAND_EXPECTED = "a label key, has(...), all(), global(), '!' or '('";

const OPERATOR_WORDS: readonly (readonly [TokenKind, readonly string[]])[] = [
  ['contains', ['contains']],
  ['startsWith', ['starts', 'with']],
  ['endsWith', ['ends', 'with']],
  ['notIn', ['not', 'in']],
  ['in', ['in']],
];

const PUNCTUATION: Readonly<Record<string, TokenKind>> = {
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
  ',': 'comma',
};

/**
 * Splits a selector into tokens, or throws a {@link CalicoSelectorError} at the first character
 * that cannot start one. Follows Calico's tokenizer: blanks are spaces and tabs only (a line
 * break is an error), strings have no escapes, keys are `[A-Za-z0-9_./-]{1,512}`, and two-word
 * operators may be written with any blanks or none between the words (`notin`, `startswith`).
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
 *
 * @example tokenizeCalicoSelector('has(a)').map((t) => t.kind) // ['has', 'eof']
 */
export function tokenizeCalicoSelector(text: string): Token[] {
  const tokens: Token[] = [];
  let i = skipBlanks(text, 0);
  while (i < text.length) {
    const start = i;
    const c = text[i]!;
    const punctuation = PUNCTUATION[c];
    let kind: TokenKind;
    let value = '';
    if (punctuation) {
      kind = punctuation;
      i += 1;
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) {
        throw fail(text, i, `a closing ${c} (strings have no escapes)`, 'an unterminated string');
      }
      kind = 'string';
      value = text.slice(i + 1, close);
      i = close + 1;
    } else if (c === '!') {
      kind = text[i + 1] === '=' ? 'ne' : 'not';
      i += kind === 'ne' ? 2 : 1;
    } else if (c === '=' || c === '&' || c === '|') {
      if (text[i + 1] !== c) throw fail(text, i, `'${c}${c}'`, describeAt(text, i));
      kind = c === '=' ? 'eq' : c === '&' ? 'and' : 'or';
      i += 2;
    } else if (tokens.at(-1)?.kind === 'label') {
      const op = readOperatorWord(text, i);
      if (!op) throw fail(text, i, operatorExpected(tokens.at(-1)!.value), describeAt(text, i));
      [kind, i] = op;
    } else {
      [kind, value, i] = readWordOrCall(text, i);
    }
    tokens.push({ kind, value, start, end: i });
    i = skipBlanks(text, i);
  }
  tokens.push({ kind: 'eof', value: '', start: text.length, end: text.length });
  return tokens;
}

/** What may follow a label key; used in messages by the lexer and the parser. */
export function operatorExpected(key: string): string {
  return `an operator after label '${key}' (==, !=, in, not in, contains, starts with, ends with)`;
}

/** The 1-based column (in characters, not UTF-16 units) of a UTF-16 offset. */
export function columnAt(text: string, offset: number): number {
  return [...text.slice(0, offset)].length + 1;
}

/** Describes the character at `offset` for a message: `'%'`, `a line break`, `U+0007`. */
export function describeAt(text: string, offset: number): string {
  const c = text.codePointAt(offset);
  if (c === undefined) return 'the end of the selector';
  if (c === 0x0a || c === 0x0d) return 'a line break (only spaces and tabs separate tokens)';
  if (c < 0x20 || c === 0x7f) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(c)}'`;
}

function fail(text: string, offset: number, expected: string, found: string): CalicoSelectorError {
  return new CalicoSelectorError(text, columnAt(text, offset), expected, found);
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function skipBlanks(text: string, i: number): number {
  while (isBlank(text[i])) i += 1;
  return i;
}

function isKeyChar(c: string | undefined): boolean {
  return c !== undefined && /^[A-Za-z0-9_./-]$/.test(c);
}

/** `contains`, `in`, `not in`, ... at `i`, ending at a word boundary; `undefined` otherwise. */
function readOperatorWord(text: string, i: number): [TokenKind, number] | undefined {
  for (const [kind, words] of OPERATOR_WORDS) {
    let j = i;
    let matched = true;
    for (const [n, word] of words.entries()) {
      if (n > 0) j = skipBlanks(text, j);
      if (!text.startsWith(word, j)) {
        matched = false;
        break;
      }
      j += word.length;
    }
    if (matched && !isKeyChar(text[j])) return [kind, j];
  }
  return undefined;
}

/** `has(key)`, `all()`, `global()` (exactly so: `has (a)` is a label `has`), or a label key. */
function readWordOrCall(text: string, i: number): [TokenKind, string, number] {
  if (text.startsWith('has(', i)) {
    const keyStart = skipBlanks(text, i + 4);
    const keyEnd = readKey(text, keyStart, 'a label key inside has(');
    const close = skipBlanks(text, keyEnd);
    if (text[close] !== ')') throw fail(text, close, "')' to close has(", describeAt(text, close));
    return ['has', text.slice(keyStart, keyEnd), close + 1];
  }
  for (const call of ['all', 'global'] as const) {
    if (!text.startsWith(`${call}(`, i)) continue;
    const close = skipBlanks(text, i + call.length + 1);
    if (text[close] !== ')') {
      throw fail(text, close, `')' to close ${call}(`, describeAt(text, close));
    }
    return [call, '', close + 1];
  }
  const end = readKey(text, i, OPERAND_EXPECTED);
  return ['label', text.slice(i, end), end];
}

function readKey(text: string, i: number, expected: string): number {
  let end = i;
  while (isKeyChar(text[end])) end += 1;
  if (end === i) throw fail(text, i, expected, describeAt(text, i));
  if (end - i > MAX_SELECTOR_KEY_LENGTH) {
    throw fail(
      text,
      i,
      `a label key of at most ${MAX_SELECTOR_KEY_LENGTH} characters`,
      'a longer one',
    );
  }
  return end;
}
