import type { IssueSink } from '../errors/issue-sink';
import { readArray, readObject, readString, readStringMap } from '../raw/read-field';
import { labelKeyError, labelValueError } from './label-syntax';

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One requirement of a label selector; `matchLabels` entries become `In` with one value. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/**
 * A validated label selector: the AND of its requirements. An empty list selects everything.
 * See https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/
 */
export interface LabelSelector {
  readonly requirements: readonly LabelRequirement[];
  /** Canonical text (requirements and values sorted), set by the parser; see {@link canonicalSelectorKey}. */
  readonly key?: string;
}

export type Labels = Readonly<Record<string, string>>;

/** The selector `{}`: selects every object. */
export const MATCH_ALL: LabelSelector = Object.freeze({ requirements: Object.freeze([]), key: '' });

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * Whether `labels` satisfy the selector. `NotIn` and `DoesNotExist` match when the key is absent.
 *
 * @example matchesLabels(parsed('{matchExpressions: [{key: tier, operator: NotIn, values: [db]}]}'), {}) // true
 */
export function matchesLabels(selector: LabelSelector, labels: Labels): boolean {
  return selector.requirements.every((req) => matchesRequirement(req, labels));
}

export function matchesRequirement(req: LabelRequirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.operator) {
    case 'In':
      return has && req.values.includes(value as string);
    case 'NotIn':
      return !has || !req.values.includes(value as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** Every label key the selector reads. */
export function selectorKeys(selector: LabelSelector): string[] {
  return selector.requirements.map((r) => r.key);
}

/** Whether the selector is `{}` (selects everything). */
export function isMatchAll(selector: LabelSelector): boolean {
  return selector.requirements.length === 0;
}

/**
 * Validates and normalises a raw `LabelSelector`, reporting bad keys, values and operators on
 * `sink` with their field paths. Returns `undefined` only when the value is unset.
 */
export function parseLabelSelector(
  sink: IssueSink,
  raw: unknown,
  path: string,
): LabelSelector | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) return undefined;
  const requirements: LabelRequirement[] = [];
  const matchLabels = readStringMap(sink, obj['matchLabels'], `${path}.matchLabels`);
  for (const [key, value] of Object.entries(matchLabels)) {
    const keyError = labelKeyError(key);
    if (keyError)
      sink.add(
        'INVALID_LABEL_KEY',
        `${path}.matchLabels`,
        `key ${JSON.stringify(key)}: ${keyError}`,
      );
    const valueError = labelValueError(value);
    if (valueError) {
      sink.add(
        'INVALID_LABEL_VALUE',
        `${path}.matchLabels.${key}`,
        `value ${JSON.stringify(value)}: ${valueError}`,
      );
    }
    requirements.push({ key, operator: 'In', values: [value] });
  }
  const expressions = readArray(sink, obj['matchExpressions'], `${path}.matchExpressions`) ?? [];
  expressions.forEach((rawExpr, i) => {
    const req = parseRequirement(sink, rawExpr, `${path}.matchExpressions[${i}]`);
    if (req) requirements.push(req);
  });
  return { requirements, key: canonicalSelectorKey(requirements) };
}

/**
 * A canonical text of a selector's requirements: equal for selectors that select the same
 * objects by construction (requirement and value order do not matter).
 *
 * @example canonicalSelectorKey([{ key: 'app', operator: 'In', values: ['web'] }]) // 'app\u0002In\u0002web'
 */
export function canonicalSelectorKey(requirements: readonly LabelRequirement[]): string {
  return requirements
    .map((r) => `${r.key}\u0002${r.operator}\u0002${[...r.values].sort().join('\u0002')}`)
    .sort()
    .join('\u0003');
}

function parseRequirement(
  sink: IssueSink,
  raw: unknown,
  path: string,
): LabelRequirement | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) {
    sink.add('MISSING_FIELD', path, 'a match expression must be an object');
    return undefined;
  }
  const key = readString(sink, obj['key'], `${path}.key`);
  const operator = readString(sink, obj['operator'], `${path}.operator`);
  const values = (readArray(sink, obj['values'], `${path}.values`) ?? []).map(
    (v, i) => readString(sink, v, `${path}.values[${i}]`) ?? '',
  );
  if (key === undefined) sink.add('MISSING_FIELD', `${path}.key`, 'key is required');
  else {
    const keyError = labelKeyError(key);
    if (keyError)
      sink.add('INVALID_LABEL_KEY', `${path}.key`, `key ${JSON.stringify(key)}: ${keyError}`);
  }
  if (operator === undefined) {
    sink.add('MISSING_FIELD', `${path}.operator`, 'operator is required');
    return undefined;
  }
  if (!OPERATORS.includes(operator as SelectorOperator)) {
    sink.add(
      'UNKNOWN_OPERATOR',
      `${path}.operator`,
      `not a valid selector operator: ${JSON.stringify(operator)} (In, NotIn, Exists, DoesNotExist)`,
    );
    return undefined;
  }
  const op = operator as SelectorOperator;
  if ((op === 'In' || op === 'NotIn') && values.length === 0) {
    sink.add(
      'INVALID_SELECTOR_VALUES',
      `${path}.values`,
      `must be specified when operator is ${op}`,
    );
  }
  if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) {
    sink.add(
      'INVALID_SELECTOR_VALUES',
      `${path}.values`,
      `may not be specified when operator is ${op}`,
    );
  }
  values.forEach((v, i) => {
    const err = labelValueError(v);
    if (err)
      sink.add('INVALID_LABEL_VALUE', `${path}.values[${i}]`, `value ${JSON.stringify(v)}: ${err}`);
  });
  return key === undefined ? undefined : { key, operator: op, values };
}

/** Renders a selector compactly for explanations: `app=web,tier notin (db)`; `{}` for all. */
export function formatSelector(selector: LabelSelector): string {
  if (isMatchAll(selector)) return '{}';
  return selector.requirements
    .map((r) => {
      switch (r.operator) {
        case 'In':
          return r.values.length === 1
            ? `${r.key}=${r.values[0]}`
            : `${r.key} in (${r.values.join(',')})`;
        case 'NotIn':
          return `${r.key} notin (${r.values.join(',')})`;
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
      }
    })
    .join(',');
}
