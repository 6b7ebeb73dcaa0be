import { createHash } from 'node:crypto';

/** How urgent a finding is; `critical` is reserved for paths into sensitive pods and `deny` guardrails. */
export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** What kind of drift a finding reports (see the README's table). */
export type FindingKind =
  | 'policy-missing'
  | 'policy-modified'
  | 'policy-unknown'
  | 'path-widened'
  | 'path-narrowed'
  | 'connectivity-widened'
  | 'guardrail-violated';

/** Finding kinds in report order. */
export const FINDING_KINDS: readonly FindingKind[] = [
  'policy-missing',
  'policy-modified',
  'policy-unknown',
  'path-widened',
  'path-narrowed',
  'connectivity-widened',
  'guardrail-violated',
];

/** Severities, most severe first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/**
 * One difference between a cluster and its baseline. `subject` is what it is about, for people
 * (`NetworkPolicy shop/default-deny`, `shop → payments`, `guardrail no-dev-to-prod`);
 * `fingerprint` identifies the drift across snapshots (see {@link driftFingerprint});
 * `evidence` holds the details (rows, rules, pods), which may change while the drift persists.
 */
export interface DriftFinding {
  kind: FindingKind;
  severity: Severity;
  subject: string;
  fingerprint: string;
  evidence: Record<string, unknown>;
}

/**
 * SHA-256 (hex) of `kind \0 subject \0 guardrail`: stable while the same drift persists (it
 * leaves out ports, rows and pod names), so an alert is deduplicated across snapshots.
 *
 * @example driftFingerprint('path-widened', 'shop → payments') === driftFingerprint('path-widened', 'shop → payments') // true
 */
export function driftFingerprint(kind: FindingKind, subject: string, guardrail?: string): string {
  return createHash('sha256')
    .update(`${kind}\u0000${subject}\u0000${guardrail ?? ''}`)
    .digest('hex');
}

/** A finding with its fingerprint. */
export function driftFinding(
  kind: FindingKind,
  severity: Severity,
  subject: string,
  evidence: Record<string, unknown>,
  guardrail?: string,
): DriftFinding {
  return {
    kind,
    severity,
    subject,
    fingerprint: driftFingerprint(kind, subject, guardrail),
    evidence,
  };
}

/**
 * Sorts in place and returns: severity (most severe first), then kind (report order), then
 * subject, then fingerprint.
 */
export function sortFindings(findings: DriftFinding[]): DriftFinding[] {
  const rank = (f: DriftFinding): [number, number] => [
    SEVERITIES.indexOf(f.severity),
    FINDING_KINDS.indexOf(f.kind),
  ];
  return findings.sort((a, b) => {
    const [sa, ka] = rank(a);
    const [sb, kb] = rank(b);
    return (
      sa - sb || ka - kb || compare(a.subject, b.subject) || compare(a.fingerprint, b.fingerprint)
    );
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
