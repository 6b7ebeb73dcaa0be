import { stringify } from 'yaml';
import {
  type Branch,
  type Node,
  type Operand,
  type Pipeline,
  parseTemplate,
} from './helm-subset-parse';
import { TemplateError } from './helm-subset-lex';

export { TemplateError } from './helm-subset-lex';

/**
 * Evaluates templates in exactly the Go-template and Sprig subset deploy/agent/chart uses:
 * fields of `.`/`$`, `if`/`else if`/`else`, `with`/`else`, `define`/`include`, pipelines,
 * comments, `{{-`/`-}}` and the functions in FUNCTIONS. Any other construct throws. It is
 * stricter than Helm where Helm is lenient by accident: a missing key is an error, not an
 * empty string. See https://helm.sh/docs/chart_template_guide/ and
 * https://pkg.go.dev/text/template.
 */

/** Kubernetes and Helm read YAML 1.1 (go-yaml v2): `0440` is octal, `yes` is a boolean. */
export const YAML_1_1 = { version: '1.1' } as const;

interface Fn {
  /** Exact argument count, the piped value included; none for variadic functions. */
  readonly arity?: number;
  readonly call: (args: unknown[], where: string, evaluator: Evaluator) => unknown;
}

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  // Sprig's default: the fallback when the value is empty (nil, "", 0, false, [] or {}).
  default: { arity: 2, call: ([fallback, given]) => (isTrue(given) ? given : fallback) },
  quote: {
    call: (args, where) =>
      args
        .filter((a) => a !== null && a !== undefined)
        .map((a) => JSON.stringify(print(a, where)))
        .join(' '),
  },
  toYaml: { arity: 1, call: ([value], where) => toYaml(value, where) },
  nindent: { arity: 2, call: ([n, s], where) => '\n' + indent(int(n, where), str(s, where)) },
  trunc: {
    arity: 2,
    call: ([n, s], where) => {
      const [count, text] = [int(n, where), str(s, where)];
      return count < 0 ? text.slice(Math.max(0, text.length + count)) : text.slice(0, count);
    },
  },
  trimSuffix: {
    arity: 2,
    call: ([suffix, s], where) => {
      const [end, text] = [str(suffix, where), str(s, where)];
      return end && text.endsWith(end) ? text.slice(0, -end.length) : text;
    },
  },
  // Helm's required: nil and "" fail; false and 0 are values.
  required: {
    arity: 2,
    call: ([message, value], where) => {
      if (value === null || value === undefined || value === '')
        throw new TemplateError(where, str(message, where));
      return value;
    },
  },
  fail: {
    arity: 1,
    call: ([message], where) => {
      throw new TemplateError(where, str(message, where));
    },
  },
  not: { arity: 1, call: ([value]) => !isTrue(value) },
  // Go's or: the first true argument, else the last one.
  or: {
    call: (args, where) => {
      if (args.length === 0) throw new TemplateError(where, 'wrong number of args for or');
      return args.find(isTrue) ?? args.at(-1);
    },
  },
  include: {
    arity: 2,
    call: ([name, dot], where, evaluator) => evaluator.include(str(name, where), dot, where),
  },
};

/** Renders one template source against `context` (its `.` and `$`). */
export function renderString(source: string, context: unknown, name = 'inline'): string {
  const parsed = parseTemplate(source, name);
  return new Evaluator(parsed.defines, context).render(parsed.body, context);
}

export class Evaluator {
  private depth = 0;

  constructor(
    private readonly defines: ReadonlyMap<string, readonly Node[]>,
    private readonly root: unknown,
  ) {}

  render(nodes: readonly Node[], dot: unknown): string {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') {
        out += node.text;
      } else if (node.kind === 'output') {
        out += print(this.pipeline(node.pipeline, dot), node.pipeline.where);
      } else {
        out += this.branch(node.kind, node.branches, node.otherwise, dot);
      }
    }
    return out;
  }

  // Tests run in order and only until one is true, as in Go.
  private branch(
    kind: 'if' | 'with',
    branches: readonly Branch[],
    otherwise: readonly Node[],
    dot: unknown,
  ): string {
    for (const { test, body } of branches) {
      const value = this.pipeline(test, dot);
      if (isTrue(value)) return this.render(body, kind === 'with' ? value : dot);
    }
    return this.render(otherwise, dot);
  }

  include(name: string, dot: unknown, where: string): string {
    const body = this.defines.get(name);
    if (body === undefined) throw new TemplateError(where, `no template "${name}"`);
    if (++this.depth > 100) throw new TemplateError(where, `include "${name}" nested too deeply`);
    try {
      return this.render(body, dot);
    } finally {
      this.depth--;
    }
  }

  private pipeline(pipeline: Pipeline, dot: unknown): unknown {
    let value: unknown;
    pipeline.commands.forEach((command, index) => {
      if (command.fn === undefined) {
        value = this.operand(command.operand, dot, pipeline.where);
        return;
      }
      const fn = FUNCTIONS[command.fn];
      if (fn === undefined)
        throw new TemplateError(pipeline.where, `unsupported function ${command.fn}`);
      const args = command.args.map((a) => this.operand(a, dot, pipeline.where));
      if (index > 0) args.push(value);
      if (fn.arity !== undefined && args.length !== fn.arity) {
        throw new TemplateError(
          pipeline.where,
          `wrong number of args for ${command.fn}: want ${fn.arity} got ${args.length}`,
        );
      }
      value = fn.call(args, pipeline.where, this);
    });
    return value;
  }

  private operand(operand: Operand, dot: unknown, where: string): unknown {
    if (operand.kind === 'literal') return operand.value;
    if (operand.kind === 'pipeline') return this.pipeline(operand.pipeline, dot);
    let value = operand.from === 'root' ? this.root : dot;
    operand.path.forEach((key, i) => {
      const field = `.${operand.path.slice(0, i + 1).join('.')}`;
      if (!isMap(value))
        throw new TemplateError(where, `${field}: cannot take a field of ${describeValue(value)}`);
      if (!Object.hasOwn(value, key)) throw new TemplateError(where, `${field}: no such key`);
      value = value[key];
    });
    return value;
  }
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go template truth, which is also Sprig's "not empty". */
function isTrue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (isMap(value)) return Object.keys(value).length > 0;
  return value !== false && value !== 0;
}

/** Go's %v for the scalars a chart prints; maps and lists must go through toYaml. */
function print(value: unknown, where: string): string {
  if (value === null || value === undefined) return ''; // Helm turns "<no value>" into "".
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // Helm's numbers are float64: Go prints 1e+06 where JavaScript prints 1000000.
    const magnitude = Math.abs(value);
    if (value !== 0 && (magnitude < 1e-4 || magnitude >= 1e6))
      throw new TemplateError(
        where,
        `unsupported: printing ${value} (Go would use an exponent); quote it in values`,
      );
    return String(value);
  }
  throw new TemplateError(where, `cannot print ${describeValue(value)}; use toYaml`);
}

/** Helm's toYaml: sigs.k8s.io/yaml output (sorted keys, unindented lists), without the last newline. */
function toYaml(value: unknown, where: string): string {
  if (value === undefined) throw new TemplateError(where, 'toYaml of nothing');
  return stringify(value, {
    ...YAML_1_1,
    sortMapEntries: true,
    lineWidth: 0,
    indentSeq: false,
  }).replace(/\n$/, '');
}

function indent(spaces: number, text: string): string {
  const pad = ' '.repeat(spaces);
  return pad + text.replaceAll('\n', '\n' + pad);
}

// Go checks argument types: a number where a string is expected fails, as it does in Helm.
function str(value: unknown, where: string): string {
  if (typeof value !== 'string')
    throw new TemplateError(
      where,
      `wrong type for value; expected string; got ${describeValue(value)}`,
    );
  return value;
}

function int(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new TemplateError(
      where,
      `wrong type for value; expected int; got ${describeValue(value)}`,
    );
  return value;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return 'a list';
  return isMap(value) ? 'a map' : typeof value;
}
