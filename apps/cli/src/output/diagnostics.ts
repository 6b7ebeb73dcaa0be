import { formatIssue, type ValidationIssue } from '@fenceline/netpol';
import type { TextSink } from '../cli-io';

/**
 * Writes issues (`error: ` lines) and warnings (`warning: ` lines) to stderr, one per line.
 * `label` names the input they belong to when a command reads more than one (diff).
 */
export function writeDiagnostics(
  stderr: TextSink,
  input: { readonly issues: readonly ValidationIssue[]; readonly warnings: readonly string[] },
  label?: string,
): void {
  const prefix = label ? `${label}: ` : '';
  const lines = [
    ...input.issues.map((issue) => `error: ${prefix}${formatIssue(issue)}`),
    ...input.warnings.map((warning) => `warning: ${prefix}${warning}`),
  ];
  if (lines.length > 0) stderr.write(`${lines.join('\n')}\n`);
}
