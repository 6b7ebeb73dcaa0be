import {
  parseLabelSelector,
  type LabelSelector,
  type ObjectRef,
  type ValidationIssue,
} from '@fenceline/netpol';
import type { ComplianceIssue } from './compliance-input-error';
import type { RawSelector } from './compliance-context';

type NetpolSink = Parameters<typeof parseLabelSelector>[0];

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
  const found: ValidationIssue[] = [];
  const object: ObjectRef = { kind: 'ComplianceContext', name: 'context' };
  const sink: NetpolSink = {
    object,
    issues: found,
    add(code, at, message) {
      found.push({ code, object, path: at, message });
    },
    get count() {
      return found.length;
    },
  };
  const selector = parseLabelSelector(sink, raw, path);
  for (const issue of found) issues.push({ path: issue.path, message: issue.message });
  return found.length > 0 ? undefined : selector;
}
