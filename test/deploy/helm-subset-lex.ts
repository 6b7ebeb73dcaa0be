/**
 * Lexer for the subset of Go's text/template that deploy/agent/chart uses: splits a template
 * into text and actions (applying `{{-`/`-}}` trims, dropping comments) and an action into
 * tokens. Anything outside the subset throws a {@link TemplateError}.
 * See https://pkg.go.dev/text/template#hdr-Text_and_spaces.
 */

export class TemplateError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'TemplateError';
  }
}

export type Token =
  | { readonly kind: 'string' | 'ident'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'field'; readonly from: 'dot' | 'root'; readonly path: readonly string[] }
  | { readonly kind: '|' | '(' | ')' };

export type Item =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'action'; readonly tokens: readonly Token[]; readonly where: string };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;
// `{{- ` and ` -}}` trim all ASCII whitespace next to the action (a dash without the space is a number).
const TRIM_LEFT = /^-[ \t\r\n]/;
const TRIM_RIGHT = /[ \t\r\n]-$/;

/** Splits the source into text and actions, applying the `{{-`/`-}}` trims and dropping comments. */
export function lex(source: string, name: string): Item[] {
  const items: Item[] = [];
  let at = 0;
  let trimNext = false;
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    let text = source.slice(at, open === -1 ? source.length : open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    if (open === -1) {
      if (text) items.push({ kind: 'text', text });
      break;
    }
    const where = `${name}:${source.slice(0, open).split('\n').length}`;
    let start = open + 2;
    if (TRIM_LEFT.test(source.slice(start, start + 2))) {
      text = text.replace(/[ \t\r\n]+$/, '');
      start += 2;
    }
    if (text) items.push({ kind: 'text', text });
    const close = findClose(source, start, where);
    let inner = source.slice(start, close);
    trimNext = TRIM_RIGHT.test(inner);
    if (trimNext) inner = inner.slice(0, -2);
    at = close + 2;
    if (inner.startsWith('/*')) {
      if (!inner.endsWith('*/'))
        throw new TemplateError(
          where,
          'a comment must end with */ right before the closing delimiter',
        );
      continue;
    }
    items.push({ kind: 'action', tokens: tokenize(inner, where), where });
  }
  return items;
}

/** Index of the `}}` closing the action that starts at `start`, skipping string literals. */
function findClose(source: string, start: number, where: string): number {
  if (source.startsWith('/*', start)) {
    const end = source.indexOf('*/', start + 2);
    const close = end === -1 ? -1 : source.indexOf('}}', end);
    if (close === -1) throw new TemplateError(where, 'unclosed comment');
    return close;
  }
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '"') {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
    } else if (c === '}' && source[i + 1] === '}') {
      return i;
    }
  }
  throw new TemplateError(where, 'unclosed action');
}

function tokenize(inner: string, where: string): Token[] {
  const tokens: Token[] = [];
  let rest = inner;
  const take = (n: number): string => {
    const taken = rest.slice(0, n);
    rest = rest.slice(n);
    return taken;
  };
  while ((rest = rest.replace(/^[ \t\r\n]+/, ''))) {
    const c = rest[0]!;
    let m: RegExpMatchArray | null;
    if (c === '|' || c === '(' || c === ')') {
      tokens.push({ kind: take(1) as '|' | '(' | ')' });
      if (c === ')' && rest.startsWith('.'))
        throw new TemplateError(where, 'unsupported construct: field of a parenthesized pipeline');
    } else if ((m = rest.match(/^"(?:[^"\\\n]|\\.)*"/))) {
      tokens.push({ kind: 'string', value: parseString(take(m[0].length), where) });
    } else if (/^\$[A-Za-z_]/.test(rest)) {
      throw new TemplateError(where, 'unsupported construct: variables');
    } else if ((m = rest.match(/^(\$|\.)((?:\.?[A-Za-z_][A-Za-z0-9_]*)*)/))) {
      const [whole, sigil, chain = ''] = m;
      const valid = sigil === '$' ? chain === '' || chain.startsWith('.') : !chain.startsWith('.');
      if (!valid) throw new TemplateError(where, `unexpected "${whole}"`);
      take(whole.length);
      tokens.push({
        kind: 'field',
        from: sigil === '$' ? 'root' : 'dot',
        path: chain.split('.').filter(Boolean),
      });
    } else if ((m = rest.match(/^-?\d+(?![\d.xXeE_])/))) {
      tokens.push({ kind: 'number', value: Number(take(m[0].length)) });
    } else if ((m = rest.match(IDENT)) && !/^[.\w]/.test(rest.slice(m[0].length))) {
      tokens.push({ kind: 'ident', value: take(m[0].length) });
    } else {
      throw new TemplateError(where, `unsupported syntax at "${rest.slice(0, 12)}"`);
    }
  }
  return tokens;
}

function parseString(literal: string, where: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw new TemplateError(where, `unsupported string literal ${literal}`);
  }
}
