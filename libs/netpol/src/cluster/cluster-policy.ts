import type { Cidr } from '../cidr/cidr';
import type { IpSet } from '../cidr/ip-set';
import type { ObjectRef } from '../errors/object-ref';
import type { PolicyPort, PolicyVocabulary } from '../policy/network-policy';
import type { LabelSelector } from '../selector/label-selector';

/** The API group of every cluster-scoped policy kind. */
export const CLUSTER_POLICY_GROUP = 'policy.networking.k8s.io';

/**
 * The cluster-scoped kinds the engine evaluates, with the API versions it reads.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 */
export const CLUSTER_POLICY_KINDS = Object.freeze({
  ClusterNetworkPolicy: `${CLUSTER_POLICY_GROUP}/v1alpha2`,
  AdminNetworkPolicy: `${CLUSTER_POLICY_GROUP}/v1alpha1`,
  BaselineAdminNetworkPolicy: `${CLUSTER_POLICY_GROUP}/v1alpha1`,
} as const);

export type ClusterPolicyKind = keyof typeof CLUSTER_POLICY_KINDS;

/**
 * `Admin` is evaluated before NetworkPolicy, `Baseline` after it. AdminNetworkPolicy is Admin,
 * BaselineAdminNetworkPolicy is Baseline.
 */
export type ClusterTier = 'Admin' | 'Baseline';

/**
 * One internal vocabulary for both API versions: v1alpha1's `Allow` is `Accept`. `Accept` and
 * `Deny` are final for the direction; `Pass` leaves the tier (Admin → NetworkPolicy; Baseline →
 * the default allow).
 */
export type ClusterAction = 'Accept' | 'Deny' | 'Pass';

/**
 * A pod subject or pod peer: pods in the namespaces `namespaceSelector` matches whose labels
 * `podSelector` matches (`undefined` podSelector: every pod there). Never a host-network pod.
 */
export interface ClusterPodSelection {
  readonly namespaceSelector: LabelSelector;
  readonly podSelector: LabelSelector | undefined;
}

/**
 * `namespaces`/`pods` peers select pods; `networks` addresses (pods' too); `nodes` node IPs when
 * the inventory holds nodes; `domainNames` are kept but not resolved offline.
 */
export type ClusterPeer =
  | ({ readonly kind: 'pods'; readonly index: number } & ClusterPodSelection)
  | {
      readonly kind: 'networks';
      readonly index: number;
      readonly cidrs: readonly Cidr[];
      readonly addresses: IpSet;
      /** The CIDRs as written, joined by `,`. */
      readonly text: string;
      /**
       * Whether the CIDRs cover every IPv4 address: only then does the peer match a pod whose
       * address the inventory does not know (a pod built from a workload template), since any
       * address it gets lies inside.
       */
      readonly coversUnknownAddress: boolean;
    }
  | {
      readonly kind: 'nodes';
      readonly index: number;
      readonly nodeSelector: LabelSelector;
      /**
       * The InternalIP/ExternalIP addresses of the inventory's nodes the selector matches, set
       * when the inventory holds nodes (see `resolveNodePeers`); undefined when nodes are
       * unknown: the peer then matches nothing and is reported as not evaluated.
       */
      readonly addresses?: IpSet;
    }
  | { readonly kind: 'domainNames'; readonly index: number; readonly names: readonly string[] };

/**
 * One rule: `peers` is never empty (the CRDs require `from`/`to`). `ports` empty means every
 * port and protocol. A named port matches the container port of that name on the destination
 * pod whatever its protocol, so it is kept once per protocol.
 */
export interface ClusterRule {
  readonly index: number;
  readonly name: string | undefined;
  readonly action: ClusterAction;
  readonly peers: readonly ClusterPeer[];
  readonly ports: readonly PolicyPort[];
  /** Canonical text of `ports`, shared by rules that admit the same ports. */
  readonly portsKey: string;
}

/**
 * The normalised, validated form of a ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy or
 * BaselineAdminNetworkPolicy (v1alpha1).
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 */
export interface ClusterPolicy {
  readonly ref: ObjectRef;
  readonly kind: ClusterPolicyKind;
  readonly apiVersion: string;
  readonly name: string;
  readonly tier: ClusterTier;
  /**
   * 0–1000, lower first. A BaselineAdminNetworkPolicy has none: it is ordered after every
   * Baseline-tier ClusterNetworkPolicy (see {@link compareClusterPolicies}).
   */
  readonly priority: number | undefined;
  readonly subject: ClusterPodSelection;
  readonly ingress: readonly ClusterRule[];
  readonly egress: readonly ClusterRule[];
  /** The `spec` as written, kept for snapshots and display. */
  readonly spec: Readonly<Record<string, unknown>>;
  readonly vocabulary: PolicyVocabulary;
}

const KIND_ORDER: Record<ClusterPolicyKind, number> = {
  ClusterNetworkPolicy: 0,
  AdminNetworkPolicy: 1,
  BaselineAdminNetworkPolicy: 2,
};

/**
 * The evaluation order within a tier: ascending priority (a BaselineAdminNetworkPolicy last),
 * then — where the API leaves same-priority policies unordered — ClusterNetworkPolicy before
 * AdminNetworkPolicy, then by name in code-point order. Same-priority disagreements are reported
 * as `SAME_PRIORITY_CONFLICT` findings whatever this order picks.
 */
export function compareClusterPolicies(a: ClusterPolicy, b: ClusterPolicy): number {
  const pa = a.priority ?? Number.MAX_SAFE_INTEGER;
  const pb = b.priority ?? Number.MAX_SAFE_INTEGER;
  if (pa !== pb) return pa - pb;
  const ka = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (ka !== 0) return ka;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Short name used in explain and findings: `cnp/deny-all`, `anp/tenants`, `banp/default`. */
export function clusterPolicyLabel(policy: Pick<ClusterPolicy, 'kind' | 'name'>): string {
  const prefix =
    policy.kind === 'ClusterNetworkPolicy'
      ? 'cnp'
      : policy.kind === 'AdminNetworkPolicy'
        ? 'anp'
        : 'banp';
  return `${prefix}/${policy.name}`;
}
