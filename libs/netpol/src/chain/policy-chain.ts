import type { ObjectRef } from '../errors/object-ref';
import type { Pod } from '../inventory/inventory';
import type { Direction } from '../policy/network-policy';
import type { ConnectionSet } from '../ports/connection-set';
import type { Endpoint } from '../reference/traffic';

/**
 * What a rule does to the connections it matches. `Allow` and `Deny` are final; `Pass` leaves
 * the tier (the next tier that applies decides); `Log` records and goes on with the next rule.
 * Antrea's `Drop` and `Reject` deny as `Deny` does (a `Reject` answers the client instead of
 * letting it time out), kept apart for explain.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#rule
 */
export type ChainAction = 'Allow' | 'Deny' | 'Drop' | 'Reject' | 'Pass' | 'Log';

/**
 * One tier of an ordered chain. A tier applies to an endpoint (in one direction) when one of its
 * policies does; then what no rule of it decides gets `defaultAction`. A tier that does not apply
 * is skipped.
 * See https://docs.tigera.io/calico/latest/reference/resources/tier#how-policy-is-evaluated
 */
export interface ChainTier {
  readonly name: string;
  /** Lower first; a tier without order is last (`Infinity`). */
  readonly order: number;
  readonly defaultAction: 'Deny' | 'Pass';
  /** The Tier object, when the tier was declared (built-in tiers have none). */
  readonly ref: ObjectRef | undefined;
}

/**
 * A rule, with its criteria as predicates over each end of the connection: `matchesSource` and
 * `matchesDestination` for everything but protocol and port (identities, addresses) — the rule
 * matches when both hold, which lets the fast model decide each end once per pod class —
 * and `connections` for what of the protocols and destination ports it matches (named ports
 * resolved on `dst`; `namedPorts` says whether that depends on `dst` at all).
 */
export interface ChainRule {
  readonly index: number;
  readonly name: string | undefined;
  readonly action: ChainAction;
  matchesSource(src: Endpoint): boolean;
  matchesDestination(dst: Endpoint): boolean;
  connections(dst: Endpoint): ConnectionSet;
  /** Whether `connections` depends on the destination (named ports). */
  readonly namedPorts: boolean;
  /**
   * What the rule restricts beyond L3/L4 that is not evaluated offline (HTTP methods and paths,
   * FQDNs, source ports): the L3/L4 verdict stands and this is shown beside it.
   */
  readonly notEvaluated: readonly string[];
}

/**
 * The source of a chain policy, for display: `calico-gnp`, `calico-np`, `knp`, `cnp`, `anp`,
 * `banp`, `cnp-cilium`, `ccnp`, `acnp`, `annp`, ….
 */
export type ChainPolicyKind = string;

/** A policy of an ordered chain: the tier it sits in, its order there, and its rules. */
export interface ChainPolicy {
  readonly ref: ObjectRef;
  readonly kind: ChainPolicyKind;
  /** Short name for explain: `calico-gnp/deny-all`, `knp/shop/db`. */
  readonly label: string;
  readonly tier: string;
  /** Lower first; undefined is last. */
  readonly order: number | undefined;
  /**
   * Orders before `order` within the chain tier, lower first (default 0): Antrea's one chain
   * tier for all its tiers ranks each policy by its Antrea tier's priority.
   */
  readonly rank?: number;
  /** Orders policies of equal order (code-point order). */
  readonly tieKey: string;
  /** Whether the policy applies to the pod in this direction (selects it and has the type). */
  applies(pod: Pod, direction: Direction): boolean;
  readonly ingress: readonly ChainRule[];
  readonly egress: readonly ChainRule[];
}

/**
 * A CNI's whole enforcement order for one inventory: tiers sorted by order, and every policy
 * that takes part, Kubernetes NetworkPolicies and cluster-scoped policies included where the
 * CNI places them. After the last tier an endpoint's profile allows what reached it.
 */
export interface PolicyChain {
  readonly cni: 'calico' | 'cilium' | 'antrea';
  readonly tiers: readonly ChainTier[];
  readonly policies: readonly ChainPolicy[];
}

/** Evaluation order within a tier: rank, then order ascending (none last), then `tieKey`. */
export function compareChainPolicies(a: ChainPolicy, b: ChainPolicy): number {
  const ra = a.rank ?? 0;
  const rb = b.rank ?? 0;
  if (ra !== rb) return ra < rb ? -1 : 1;
  const oa = a.order ?? Number.POSITIVE_INFINITY;
  const ob = b.order ?? Number.POSITIVE_INFINITY;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a.tieKey < b.tieKey ? -1 : a.tieKey > b.tieKey ? 1 : 0;
}

/** The policies of one tier that apply to the pod in `direction`, in evaluation order. */
export function applyingPolicies(
  chain: PolicyChain,
  tier: ChainTier,
  pod: Pod,
  direction: Direction,
): ChainPolicy[] {
  return chain.policies
    .filter((p) => p.tier === tier.name && p.applies(pod, direction))
    .sort(compareChainPolicies);
}
