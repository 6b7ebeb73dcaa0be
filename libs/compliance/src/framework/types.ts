import type { CheckId } from '../checks/check-id';

/** Outcome of one control. `not-applicable` only when the control has nothing to evaluate. */
export type ControlStatus = 'pass' | 'fail' | 'not-applicable' | 'waived';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * One control of a framework, as data: what it is called and which check decides it.
 *
 * @example { id: 'ZT-1', title: 'Default-deny ingress', severity: 'high', check: 'ingress-isolation', description: '…' }
 */
export interface ControlDefinition {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly check: CheckId;
  readonly references?: readonly string[];
}

export type FrameworkId = 'zero-trust' | 'pci-dss' | 'cis-k8s' | 'nsa-cisa';

/** A compliance framework: a version and its controls (data only; checks are looked up by id). */
export interface Framework {
  readonly id: FrameworkId;
  readonly version: string;
  readonly title: string;
  readonly controls: readonly ControlDefinition[];
}

/** One evidence item: plain JSON-able data naming namespaces, workloads, policies, rules. */
export type Evidence = Record<string, unknown>;

/**
 * The result of one control. `score` is the share of the control's subjects that pass (1 when
 * the control is not applicable). Waived subjects carry `waivedBy` in their evidence item.
 */
export interface ControlResult {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: ControlStatus;
  readonly score: number;
  readonly evidence: Evidence[];
  /** Ids of the waivers that covered failing subjects of this control. */
  readonly waivedBy?: string[];
}

export interface FrameworkReport {
  readonly framework: FrameworkId;
  readonly version: string;
  readonly title: string;
  readonly controls: ControlResult[];
  /** Mean score of the applicable controls (pass, fail, waived); 1 when none is applicable. */
  readonly score: number;
  readonly summary: { pass: number; fail: number; notApplicable: number; waived: number };
  /** Ids of the waivers that covered at least one failing subject, sorted. */
  readonly usedWaivers: string[];
}
