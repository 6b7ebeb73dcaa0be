import { IssueSink, parseLabelSelector, type LabelSelector } from '@fenceline/netpol';
import type { ComplianceIssue } from './compliance-input-error';
import type { RawSelector } from './compliance-context';

/**
 * Validates a raw label selector with netpol's own validator (keys, values, operators) and
 * returns its parsed form; problems go to `issues` with `path` prefixed.
 * See https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/
 */
export function compileSelector(
  raw: RawSelector | undefined,
  path: string,
  issues: ComplianceIssue[],
): LabelSelector | undefined {
  if (raw === undefined) return undefined;
  const sink = new IssueSink({ kind: 'ComplianceContext', name: 'context' });
  const selector = parseLabelSelector(sink, raw, path);
  for (const issue of sink.issues) issues.push({ path: issue.path, message: issue.message });
  return sink.count > 0 ? undefined : selector;
}
