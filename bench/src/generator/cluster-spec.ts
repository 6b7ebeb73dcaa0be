import type { CalicoCounts } from './calico-policies';

/** Identifiers of the benchmark workloads, in the order they run. */
export const WORKLOAD_IDS = ['W1', 'W2', 'W3', 'W4', 'W5r', 'W5a', 'W6', 'W7c'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/**
 * The shape of a generated cluster. `pods`, `policies` and `namespaces` are exact; the rest
 * steers how pods group into classes (pods that share a namespace, every label value a selector
 * reads and their named ports), which is what a class-based model's cost depends on.
 */
export interface ClusterSpec {
  readonly id: WorkloadId;
  readonly seed: number;
  readonly pods: number;
  readonly policies: number;
  readonly namespaces: number;
  /** Target mean of pods per class (approximate: a namespace holds at least one class). */
  readonly podsPerClass: number;
  /** `even`: every namespace about the same size; `skewed`: Zipf-like, most namespaces small. */
  readonly namespaceSizes: 'even' | 'skewed';
  /** Fraction of application namespaces scaled to zero: their policies exist, pods do not. */
  readonly scaledToZero: number;
  /** Adversarial: selectors also read `version`, so each app splits into one class per version. */
  readonly versionSelectors: boolean;
  /** Application namespaces per team; cross-namespace rules stay within a team. */
  readonly namespacesPerTeam: number;
  /** Cluster-scoped policies (ClusterNetworkPolicy, AdminNetworkPolicy, the baseline singleton). */
  readonly clusterPolicies: number;
  /** Calico's own objects (tiers, GlobalNetworkPolicies, namespaced policies, network sets). */
  readonly calico?: CalicoCounts;
}

/**
 * The benchmark workloads. Seeds are fixed so every run measures the same clusters.
 *
 * @example WORKLOADS.W1.pods // 2000
 */
export const WORKLOADS: Readonly<Record<WorkloadId, ClusterSpec>> = Object.freeze({
  W1: spec('W1', 0x5eed0001, 2_000, 300, 50, 20, 'even', 0, false, 6),
  W2: spec('W2', 0x5eed0002, 3_500, 12_000, 1_000, 2, 'skewed', 0, false, 8),
  W3: spec('W3', 0x5eed0003, 20_000, 5_000, 500, 15, 'skewed', 0.05, false, 6),
  W4: spec('W4', 0x5eed0004, 100_000, 75_000, 25_000, 2, 'even', 0, false, 5),
  W5r: spec('W5r', 0x5eed0051, 150_000, 15_000, 1_000, 200, 'skewed', 0.35, false, 6),
  W5a: spec('W5a', 0x5eed0052, 150_000, 15_000, 1_000, 10, 'even', 0, true, 4),
  // W3's shape with 300 cluster policies in both tiers (5–40 rules each, a third Pass).
  W6: spec('W6', 0x5eed0006, 20_000, 5_000, 500, 15, 'skewed', 0.05, false, 6, 300),
  // A Calico-shaped cluster (issue 16): 20,000 pods, 3,000 NetworkPolicies, 3 tiers,
  // 200 GlobalNetworkPolicies, 2,000 namespaced Calico policies, 50 GlobalNetworkSets.
  W7c: {
    ...spec('W7c', 0x5eed0007, 20_000, 3_000, 500, 15, 'skewed', 0.05, false, 6),
    calico: { globalPolicies: 200, namespacedPolicies: 2_000, globalNetworkSets: 50 },
  },
});

/** Smallest counts a scaled spec keeps, so that every shape still has all its parts. */
const MIN_PODS = 40;
const MIN_POLICIES = 8;
const MIN_NAMESPACES = 5;

/**
 * The same shape with every count multiplied by `factor` (for smoke runs and unit tests).
 *
 * @example scaleSpec(WORKLOADS.W4, 0.01).namespaces // 250
 */
export function scaleSpec(base: ClusterSpec, factor: number): ClusterSpec {
  if (!(factor > 0)) throw new RangeError(`scale must be positive, got ${factor}`);
  if (factor === 1) return base;
  return {
    ...base,
    pods: Math.max(MIN_PODS, Math.round(base.pods * factor)),
    policies: Math.max(MIN_POLICIES, Math.round(base.policies * factor)),
    namespaces: Math.max(MIN_NAMESPACES, Math.round(base.namespaces * factor)),
    clusterPolicies:
      base.clusterPolicies === 0 ? 0 : Math.max(2, Math.round(base.clusterPolicies * factor)),
    ...(base.calico
      ? {
          calico: {
            globalPolicies: Math.max(2, Math.round(base.calico.globalPolicies * factor)),
            namespacedPolicies: Math.max(2, Math.round(base.calico.namespacedPolicies * factor)),
            globalNetworkSets: Math.max(1, Math.round(base.calico.globalNetworkSets * factor)),
          },
        }
      : {}),
  };
}

function spec(
  id: WorkloadId,
  seed: number,
  pods: number,
  policies: number,
  namespaces: number,
  podsPerClass: number,
  namespaceSizes: ClusterSpec['namespaceSizes'],
  scaledToZero: number,
  versionSelectors: boolean,
  namespacesPerTeam: number,
  clusterPolicies = 0,
): ClusterSpec {
  return Object.freeze({
    id,
    seed,
    pods,
    policies,
    namespaces,
    podsPerClass,
    namespaceSizes,
    scaledToZero,
    versionSelectors,
    namespacesPerTeam,
    clusterPolicies,
  });
}
