import { SEVERITIES, type DriftFinding } from '@fenceline/drift';
import { toMarkdownTable } from './markdown';

export const DRIFT_FORMATS = ['txt', 'json', 'md'] as const;
export type DriftFormat = (typeof DRIFT_FORMATS)[number];

/** Evidence lines shown per finding in txt; the rest is summarised (`json` has everything). */
const TXT_DETAIL_LINES = 8;

/**
 * Renders drift findings. `json` is exactly an array of `{ kind, severity, subject, evidence }`
 * (an interface other tools read); `txt` groups them by severity with a few evidence lines each
 * and ends with a summary line; `md` is a table.
 *
 * @example formatDrift(findings, 'txt').split('\n').at(-2) // '3 findings: 1 critical, 2 high, 0 medium, 0 low'
 */
export function formatDrift(findings: readonly DriftFinding[], format: DriftFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        findings.map((f) => ({
          kind: f.kind,
          severity: f.severity,
          subject: f.subject,
          evidence: f.evidence,
        })),
        null,
        2,
      )}\n`;
    case 'md':
      return toMarkdownTable(
        ['severity', 'kind', 'subject', 'details'],
        findings.map((f) => [f.severity, f.kind, f.subject, findingDetails(f).join('\n')]),
      );
    case 'txt':
      return formatText(findings);
  }
}

function formatText(findings: readonly DriftFinding[]): string {
  const lines: string[] = [];
  const width = Math.max(0, ...findings.map((f) => f.kind.length));
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${severity.toUpperCase()} (${group.length})`);
    for (const f of group) {
      lines.push(`  ${f.kind.padEnd(width)}  ${f.subject}`);
      const details = findingDetails(f);
      for (const d of details.slice(0, TXT_DETAIL_LINES)) lines.push(`      ${d}`);
      if (details.length > TXT_DETAIL_LINES) {
        lines.push(`      … and ${details.length - TXT_DETAIL_LINES} more (see --output json)`);
      }
    }
  }
  const counts = SEVERITIES.map((s) => `${findings.filter((f) => f.severity === s).length} ${s}`);
  const total =
    findings.length === 0
      ? 'no drift: 0 findings'
      : `${findings.length} finding${findings.length === 1 ? '' : 's'}`;
  lines.push(`${total}: ${counts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

type Row = Record<string, string>;

/** Human-readable evidence lines of one finding. */
export function findingDetails(f: DriftFinding): string[] {
  const e = f.evidence;
  const rows = (key: string): Row[] => (Array.isArray(e[key]) ? (e[key] as Row[]) : []);
  switch (f.kind) {
    case 'policy-missing':
      return [`not in the cluster${e['fromTemplate'] === true ? ' (from a template)' : ''}`];
    case 'policy-unknown':
      return ['not in the baseline'];
    case 'policy-modified':
      return modifiedDetails(e);
    case 'path-widened':
    case 'path-narrowed':
      return rows('rows').map(
        (r) => `${r['src']} => ${r['dst']} : ${r['cluster']} (baseline: ${r['baseline']})`,
      );
    case 'connectivity-widened':
      return rows('rows').map(
        (r) => `${r['src']} => ${r['dst']} : +${r['added']} (reference: ${r['reference']})`,
      );
    case 'guardrail-violated':
      return [
        ...(typeof e['reason'] === 'string' ? [e['reason']] : []),
        ...Object.entries((e['notIsolated'] as Record<string, string[]> | undefined) ?? {}).map(
          ([direction, pods]) => `not isolated for ${direction}: ${pods.join(', ')}`,
        ),
        ...rows('allowed').map((r) => `${r['src']} => ${r['dst']} : ${r['conn']}`),
        ...rows('missing').map(
          (r) => `${r['src']} => ${r['dst']} : missing ${r['missing']} (allowed: ${r['allowed']})`,
        ),
        ...rows('unreachableDns').map(
          (r) => `cannot reach DNS ${r['dst']} on ${r['missing']} (allowed: ${r['allowed']})`,
        ),
        ...rows('otherPort53').map((r) => `reaches ${r['dst']} on ${r['conn']} (not a DNS pod)`),
      ];
  }
}

/**
 * What a `policy-modified` finding says changed: NetworkPolicy parts (podSelector, policyTypes)
 * or cluster-policy parts (tier, priority, subject), then per direction the rules missing and
 * unexpected; for a cluster policy whose rules only moved, the order expected and found.
 */
function modifiedDetails(e: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const part of ['podSelector', 'policyTypes', 'tier', 'priority', 'subject'] as const) {
    const diff = e[part] as { expected: unknown; actual: unknown } | undefined;
    if (diff)
      lines.push(`${part}: expected ${String(diff.expected)}, actual ${String(diff.actual)}`);
  }
  for (const direction of ['ingress', 'egress'] as const) {
    const diff = e[direction] as
      | {
          missing: string[];
          unexpected: string[];
          reordered?: boolean;
          expected?: string[];
          actual?: string[];
        }
      | undefined;
    if (!diff) continue;
    for (const rule of diff.missing) lines.push(`${direction}: missing rule ${rule}`);
    for (const rule of diff.unexpected) lines.push(`${direction}: unexpected rule ${rule}`);
    if (diff.reordered === true) {
      lines.push(`${direction}: rules in another order (the first matching rule decides)`);
      for (const rule of diff.expected ?? []) lines.push(`  expected ${rule}`);
      for (const rule of diff.actual ?? []) lines.push(`  actual   ${rule}`);
    }
  }
  return lines;
}
