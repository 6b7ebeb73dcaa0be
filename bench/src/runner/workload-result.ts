import type { WorkloadId } from '../generator/cluster-spec';

/** What the generated cluster allows, counted independently of the model (see `takeCensus`). */
export interface CensusSummary {
  readonly classes: number;
  readonly podsPerClass: number;
  readonly workloads: number;
  /** Allowed workload-to-workload pairs. */
  readonly allowedPairs: number;
  /** Allowed rows between a workload and an external range. */
  readonly externalRows: number;
  /**
   * True when the cluster has cluster-scoped policies: the census evaluates NetworkPolicies
   * only, so its pair counts are not the model's rows (the bench tests check such workloads'
   * rows against the tier-aware reference evaluator instead).
   */
  readonly networkPolicyOnly?: boolean;
}

/** One workload's measurements, as the child process reports them (times in ms, RSS in MB). */
export interface WorkloadResult {
  readonly id: WorkloadId;
  readonly pods: number;
  readonly policies: number;
  readonly namespaces: number;
  /** `classCount` of the model under benchmark. */
  readonly classes: number;
  readonly parseMs: number;
  /** Median after warm-up runs (steady state), wall time. */
  readonly modelMs: number;
  /** The same runs' median CPU time (the process is pinned to one core): what the verdict uses. */
  readonly modelCpuMs: number;
  /** The first run, before any JIT warm-up. */
  readonly coldModelMs: number;
  readonly rssMb: number;
  /** W1 only: the reference evaluator's connlist, and how many times faster the model is. */
  readonly referenceMs?: number;
  readonly speedup?: number;
  /** W3 only: diffModels of the snapshot and a 1% mutation of it. */
  readonly diffMs?: number;
  readonly diffRows?: number;
  /** Rows of the model's connlist. */
  readonly rows: number;
  readonly census: CensusSummary;
}

/** A workload whose child process failed: the run goes on and exits non-zero at the end. */
export interface WorkloadFailure {
  readonly id: WorkloadId;
  readonly error: string;
}

export type WorkloadOutcome = WorkloadResult | WorkloadFailure;

export function isFailure(outcome: WorkloadOutcome): outcome is WorkloadFailure {
  return 'error' in outcome;
}
