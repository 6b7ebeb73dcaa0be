/**
 * Parser for the subset of Go's text/template that deploy/agent/chart uses (there is no `helm`
 * binary to test the chart with): actions become pipelines and `if`/`with`/`define` blocks.
 * Anything outside the subset throws a {@link TemplateError}, so the chart cannot quietly
 * depend on a construct the tests never ran. See https://pkg.go.dev/text/template.
 */
import { TemplateError, type Token, lex } from './helm-subset-lex';

/** An argument: a field chain from `.` or `$`, a literal, or a parenthesized pipeline. */
export type Operand =
  | { readonly kind: 'field'; readonly from: 'dot' | 'root'; readonly path: readonly string[] }
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'pipeline'; readonly pipeline: Pipeline };

/** One stage of a pipeline: a function call, or (first stage only) a lone operand. */
export type Command =
  | { readonly fn: string; readonly args: readonly Operand[] }
  | { readonly fn?: undefined; readonly operand: Operand };

export interface Pipeline {
  readonly where: string;
  readonly commands: readonly Command[];
}

export interface Branch {
  readonly test: Pipeline;
  readonly body: readonly Node[];
}

export type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'output'; readonly pipeline: Pipeline }
  | {
      readonly kind: 'if' | 'with';
      readonly branches: readonly Branch[];
      readonly otherwise: readonly Node[];
    };

export interface ParsedTemplate {
  readonly body: readonly Node[];
  readonly defines: ReadonlyMap<string, readonly Node[]>;
}

const UNSUPPORTED_KEYWORDS = new Set(['range', 'template', 'block', 'break', 'continue', 'nil']);

/** Parses one template file into its body and the `define`d templates it declares. */
export function parseTemplate(source: string, name: string): ParsedTemplate {
  const defines = new Map<string, readonly Node[]>();
  type Frame =
    | {
        readonly kind: 'define';
        readonly name: string;
        readonly body: Node[];
        readonly parent: Node[];
        readonly where: string;
      }
    | {
        readonly kind: 'if' | 'with';
        readonly branches: { test: Pipeline; body: Node[] }[];
        otherwise?: Node[];
        readonly parent: Node[];
        readonly where: string;
      };
  const body: Node[] = [];
  const stack: Frame[] = [];
  let out = body;
  for (const item of lex(source, name)) {
    if (item.kind === 'text') {
      out.push(item);
      continue;
    }
    const { tokens, where } = item;
    const [head, ...rest] = tokens;
    const keyword = head?.kind === 'ident' ? head.value : undefined;
    const top = stack.at(-1);
    if (keyword === 'if' || keyword === 'with') {
      const frame: Frame = {
        kind: keyword,
        branches: [{ test: parsePipeline(rest, where), body: [] }],
        parent: out,
        where,
      };
      stack.push(frame);
      out = frame.branches[0]!.body;
    } else if (keyword === 'else') {
      if (top === undefined || top.kind === 'define' || top.otherwise)
        throw new TemplateError(where, 'unexpected {{else}}');
      if (rest.length === 0) {
        top.otherwise = out = [];
      } else if (top.kind === 'if' && rest[0]?.kind === 'ident' && rest[0].value === 'if') {
        const branch = { test: parsePipeline(rest.slice(1), where), body: [] };
        top.branches.push(branch);
        out = branch.body;
      } else {
        throw new TemplateError(where, `unsupported construct {{else ${describe(rest[0])} ...}}`);
      }
    } else if (keyword === 'end') {
      if (rest.length > 0) throw new TemplateError(where, 'unexpected arguments to {{end}}');
      if (top === undefined) throw new TemplateError(where, 'unexpected {{end}}');
      stack.pop();
      if (top.kind === 'define') defines.set(top.name, top.body);
      else
        top.parent.push({ kind: top.kind, branches: top.branches, otherwise: top.otherwise ?? [] });
      out = top.parent;
    } else if (keyword === 'define') {
      const [nameToken, ...extra] = rest;
      if (stack.length > 0) throw new TemplateError(where, '{{define}} must be at the top level');
      if (nameToken?.kind !== 'string' || extra.length > 0)
        throw new TemplateError(where, '{{define}} takes one string');
      if (defines.has(nameToken.value))
        throw new TemplateError(where, `template "${nameToken.value}" defined twice`);
      const frame: Frame = { kind: 'define', name: nameToken.value, body: [], parent: out, where };
      stack.push(frame);
      out = frame.body;
    } else if (keyword !== undefined && UNSUPPORTED_KEYWORDS.has(keyword)) {
      throw new TemplateError(where, `unsupported construct {{${keyword}}}`);
    } else {
      out.push({ kind: 'output', pipeline: parsePipeline(tokens, where) });
    }
  }
  const open = stack.at(-1);
  if (open) throw new TemplateError(open.where, `{{${open.kind}}} without {{end}}`);
  return { body, defines };
}

function parsePipeline(tokens: readonly Token[], where: string): Pipeline {
  const stages: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === '(') depth++;
    if (token.kind === ')' && --depth < 0) throw new TemplateError(where, 'unbalanced )');
    if (token.kind === '|' && depth === 0) stages.push([]);
    else stages.at(-1)!.push(token);
  }
  if (depth !== 0) throw new TemplateError(where, 'unbalanced (');
  const commands = stages.map((stage, index): Command => {
    const [head, ...rest] = stage;
    if (head === undefined) throw new TemplateError(where, 'missing value in pipeline');
    if (head.kind === 'ident' && head.value !== 'true' && head.value !== 'false') {
      if (UNSUPPORTED_KEYWORDS.has(head.value))
        throw new TemplateError(where, `unsupported construct ${head.value}`);
      return { fn: head.value, args: parseOperands(rest, where) };
    }
    const operands = parseOperands(stage, where);
    if (operands.length !== 1 || index > 0)
      throw new TemplateError(where, `${describe(head)} is not a function`);
    return { operand: operands[0]! };
  });
  return { where, commands };
}

function parseOperands(tokens: readonly Token[], where: string): Operand[] {
  const operands: Operand[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.kind) {
      case 'string':
      case 'number':
        operands.push({ kind: 'literal', value: token.value });
        break;
      case 'field':
        operands.push({ kind: 'field', from: token.from, path: token.path });
        break;
      case 'ident':
        if (token.value !== 'true' && token.value !== 'false') {
          throw new TemplateError(
            where,
            `unsupported construct: function ${token.value} as an argument (wrap it in parentheses)`,
          );
        }
        operands.push({ kind: 'literal', value: token.value === 'true' });
        break;
      case '(': {
        let depth = 1;
        let j = i + 1;
        for (; depth > 0; j++)
          depth += tokens[j]?.kind === '(' ? 1 : tokens[j]?.kind === ')' ? -1 : 0;
        operands.push({
          kind: 'pipeline',
          pipeline: parsePipeline(tokens.slice(i + 1, j - 1), where),
        });
        i = j - 1;
        break;
      }
      default:
        throw new TemplateError(where, `unexpected ${token.kind}`);
    }
  }
  return operands;
}

function describe(token: Token | undefined): string {
  if (token === undefined) return 'nothing';
  if (token.kind === 'field')
    return (token.from === 'root' ? '$' : '') + '.' + token.path.join('.');
  return 'value' in token ? String(token.value) : token.kind;
}
