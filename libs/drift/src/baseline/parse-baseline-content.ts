import { DEFAULT_SCOPE, type BaselineContent, type BaselineIssue } from './baseline-content';
import { parseGuardrails } from './parse-guardrail';
import { parseBaselinePolicies } from './parse-policies';
import { parseRawSelector } from './parse-selector';
import { checkKeys, IssueList, readRecord } from './raw-input';

const CONTENT_KEYS = ['scope', 'sensitive', 'policies', 'guardrails'] as const;

/** The clean content, or every issue found. */
export type ParseBaselineResult =
  { ok: true; content: BaselineContent } | { ok: false; issues: BaselineIssue[] };

/**
 * Validates baseline content (as stored by the API or assembled from a folder) and returns a
 * clean copy with defaults: `scope` every namespace but kube-system, no policies, no guardrails.
 * Every problem is reported with its field path; it never throws, whatever the input.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
 *
 * @example parseBaselineContent({ guardrails: [{ type: 'deny', name: 'x', from: {}, to: { cidr: '10.0.0.0/33' } }] })
 * // { ok: false, issues: [{ path: 'guardrails[0].to.cidr', message: '"10.0.0.0/33" is not a CIDR' }] }
 */
export function parseBaselineContent(value: unknown): ParseBaselineResult {
  const issues = new IssueList();
  try {
    const content = readContent(issues, value);
    return content && issues.count === 0
      ? { ok: true, content }
      : { ok: false, issues: issues.issues };
  } catch (error) {
    // Only exotic values (throwing getters, proxies) get here; JSON never does.
    issues.add(
      '',
      `the content could not be read: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
    return { ok: false, issues: issues.issues };
  }
}

function readContent(issues: IssueList, value: unknown): BaselineContent | undefined {
  const record = readRecord(issues, value, '', true);
  if (!record) return undefined;
  checkKeys(issues, record, CONTENT_KEYS, '');
  let scope: BaselineContent['scope'] = structuredClone(DEFAULT_SCOPE);
  const rawScope = readRecord(issues, record['scope'], 'scope', false);
  if (rawScope) {
    checkKeys(issues, rawScope, ['namespaceSelector'], 'scope');
    const selector = parseRawSelector(
      issues,
      rawScope['namespaceSelector'],
      'scope.namespaceSelector',
      true,
    );
    if (selector) scope = { namespaceSelector: selector.raw };
  }
  let sensitive: BaselineContent['sensitive'];
  const rawSensitive = readRecord(issues, record['sensitive'], 'sensitive', false);
  if (rawSensitive) {
    checkKeys(issues, rawSensitive, ['namespaceSelector', 'podSelector'], 'sensitive');
    const ns = parseRawSelector(
      issues,
      rawSensitive['namespaceSelector'],
      'sensitive.namespaceSelector',
      true,
    );
    const pods = parseRawSelector(
      issues,
      rawSensitive['podSelector'],
      'sensitive.podSelector',
      false,
    );
    if (ns) sensitive = { namespaceSelector: ns.raw, ...(pods ? { podSelector: pods.raw } : {}) };
  }
  const policies = parseBaselinePolicies(issues, record['policies'], 'policies');
  const guardrails = parseGuardrails(issues, record['guardrails'], 'guardrails');
  return { scope, ...(sensitive ? { sensitive } : {}), policies, guardrails };
}
