import { IssueSink, parseLabelSelector, type LabelSelector } from '@fenceline/netpol';
import type { RawSelector } from './baseline-content';
import { checkKeys, fieldPath, IssueList, isRecord, readList, readRecord } from './raw-input';

const SELECTOR_KEYS = ['matchLabels', 'matchExpressions'] as const;
const EXPRESSION_KEYS = ['key', 'operator', 'values'] as const;

/**
 * Validates a label selector of the baseline (scope, sensitive, guardrail peers, DNS pods) with
 * netpol's validator, plus unknown fields, and returns a clean copy and its parsed form.
 * See https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/
 */
export function parseRawSelector(
  issues: IssueList,
  value: unknown,
  path: string,
  required: boolean,
): { raw: RawSelector; selector: LabelSelector } | undefined {
  const record = readRecord(issues, value, path, required);
  if (!record) return undefined;
  const before = issues.count;
  checkKeys(issues, record, SELECTOR_KEYS, path);
  readList(issues, record['matchExpressions'], fieldPath(path, 'matchExpressions')).forEach(
    (expression, i) => {
      if (isRecord(expression))
        checkKeys(issues, expression, EXPRESSION_KEYS, `${path}.matchExpressions[${i}]`);
    },
  );
  const sink = new IssueSink({ kind: 'Baseline', name: 'baseline' });
  const selector = parseLabelSelector(sink, record, path);
  for (const issue of sink.issues) issues.add(issue.path, issue.message);
  if (issues.count > before || !selector) return undefined;
  return { raw: cleanSelector(record), selector };
}

/**
 * The parsed form of a selector that was validated before; throws when it is not valid (a
 * caller skipped `parseBaselineContent`).
 */
export function compileSelector(raw: RawSelector, path: string): LabelSelector {
  const issues = new IssueList();
  const parsed = parseRawSelector(issues, raw, path, true);
  if (!parsed)
    throw new Error(
      `${path}: invalid selector (${issues.issues.map((i) => i.message).join('; ')})`,
    );
  return parsed.selector;
}

/** Only the fields a selector has, so stored content and hashes carry nothing else. */
function cleanSelector(record: Readonly<Record<string, unknown>>): RawSelector {
  const out: RawSelector = {};
  const labels = record['matchLabels'];
  if (isRecord(labels))
    out.matchLabels = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
  const expressions = record['matchExpressions'];
  if (Array.isArray(expressions)) {
    out.matchExpressions = expressions.filter(isRecord).map((e) => ({
      key: String(e['key']),
      operator: e['operator'] as 'In' | 'NotIn' | 'Exists' | 'DoesNotExist',
      ...(Array.isArray(e['values']) ? { values: e['values'].map(String) } : {}),
    }));
  }
  return out;
}
