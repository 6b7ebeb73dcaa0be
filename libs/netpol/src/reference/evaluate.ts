import type { ObjectRef } from '../errors/object-ref';
import type { Inventory, Pod } from '../inventory/inventory';
import type { Direction, NetworkPolicy } from '../policy/network-policy';
import type {
  ClusterAction,
  ClusterPolicy,
  ClusterRule,
  ClusterTier,
} from '../cluster/cluster-policy';
import { clusterRulePeersMatch, clusterRulePortMatches, tierPolicies } from './cluster-match';
import { policySelectsPod, rulePeersMatch, rulePortsMatch } from './peer-match';
import { DEFAULT_OPTIONS, type Endpoint, type EvaluationOptions, type Traffic } from './traffic';
import { policyChainOf } from '../chain/chain-of';
import { decideChain, type ChainVerdict } from '../chain/evaluate-chain';
import type { PolicyChain } from '../chain/policy-chain';

/** Identifies one rule: the policy, the direction and the rule's index in `spec.ingress`/`spec.egress`. */
export interface RuleRef {
  readonly policy: ObjectRef;
  readonly direction: Direction;
  readonly ruleIndex: number;
}

/**
 * The decision of one direction. `isolated` is false when no policy selecting the pod lists this
 * direction (everything is allowed then), or when this end is not a pod the policies govern.
 */
export interface DirectionVerdict {
  readonly direction: Direction;
  readonly isolated: boolean;
  /** Policies that select the pod and isolate it in this direction. */
  readonly isolatingPolicies: readonly ObjectRef[];
  /** Rules (of isolating policies) that allow the traffic. */
  readonly allowingRules: readonly RuleRef[];
  readonly allowed: boolean;
  /** Why, in one sentence. */
  readonly reason: string;
  /** The tier (and cluster-policy rule) that decided; `Default` when none did. */
  readonly decidedBy: TierDecision;
  /** Cluster-policy `Pass` rules the traffic went through before that, in order. */
  readonly passedBy: readonly ClusterRuleRef[];
}

/** One rule of a cluster-scoped policy. */
export interface ClusterRuleRef {
  readonly policy: ObjectRef;
  readonly tier: ClusterTier;
  readonly priority: number | undefined;
  readonly ruleIndex: number;
  readonly ruleName: string | undefined;
  readonly action: ClusterAction;
}

export type TierDecision =
  | ({ readonly tier: ClusterTier } & ClusterRuleRef)
  | { readonly tier: 'NetworkPolicy' }
  | { readonly tier: 'Default' }
  | { readonly tier: 'Chain'; readonly chain: ChainVerdict };

/** Whether the traffic is allowed, and why: egress at the source AND ingress at the destination. */
export interface Verdict {
  readonly traffic: Traffic;
  readonly allowed: boolean;
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
}

/**
 * The reference evaluator: decides one connection by walking every policy and rule. Slow and
 * obviously right; the fast model is checked against it.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/
 *
 * @example isAllowed(inventory, { src, dst, protocol: 'TCP', port: 80 }).allowed
 */
export function isAllowed(
  inventory: Inventory,
  traffic: Traffic,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): Verdict {
  const egress = decide(inventory, 'egress', traffic.src, traffic, options);
  const ingress = decide(inventory, 'ingress', traffic.dst, traffic, options);
  return { traffic, allowed: egress.allowed && ingress.allowed, egress, ingress };
}

/** Policies in the pod's namespace that select it and isolate it in `direction`. */
export function isolatingPolicies(
  inventory: Inventory,
  pod: Pod,
  direction: Direction,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): NetworkPolicy[] {
  if (pod.hostNetwork && options.hostNetwork === 'unrestricted') return [];
  return inventory.policies.filter((p) => p.isolates[direction] && policySelectsPod(p, pod));
}

function decide(
  inventory: Inventory,
  direction: Direction,
  subject: Endpoint,
  traffic: Traffic,
  options: EvaluationOptions,
): DirectionVerdict {
  if (subject.kind !== 'pod') {
    return {
      direction,
      isolated: false,
      isolatingPolicies: [],
      allowingRules: [],
      allowed: true,
      reason: 'external endpoint: no policy applies',
      decidedBy: { tier: 'Default' },
      passedBy: [],
    };
  }
  const chain = policyChainOf(inventory, options);
  if (chain)
    return chainDirectionVerdict(inventory, direction, subject.pod, traffic, chain, options);
  const passedBy: ClusterRuleRef[] = [];
  const admin = firstClusterMatch(inventory, 'Admin', direction, subject.pod, traffic, passedBy);
  const policies = isolatingPolicies(inventory, subject.pod, direction, options);
  const isolation = {
    isolated: policies.length > 0,
    isolatingPolicies: policies.map((p) => p.ref),
  };
  if (admin) return clusterVerdict(direction, admin, isolation, passedBy);
  if (policies.length > 0)
    return networkPolicyVerdict(inventory, direction, policies, traffic, options, passedBy);
  const baseline = firstClusterMatch(
    inventory,
    'Baseline',
    direction,
    subject.pod,
    traffic,
    passedBy,
  );
  if (baseline) return clusterVerdict(direction, baseline, isolation, passedBy);
  const why =
    subject.pod.hostNetwork && options.hostNetwork === 'unrestricted'
      ? 'hostNetwork pod, treated as never isolated'
      : `no policy isolates the pod for ${direction}`;
  return {
    direction,
    ...isolation,
    allowingRules: [],
    allowed: true,
    reason: `${why}: allowed by default`,
    decidedBy: { tier: 'Default' },
    passedBy,
  };
}

/** One direction decided by a CNI's ordered chain (see {@link decideChain}). */
function chainDirectionVerdict(
  inventory: Inventory,
  direction: Direction,
  pod: Pod,
  traffic: Traffic,
  chain: PolicyChain,
  options: EvaluationOptions,
): DirectionVerdict {
  const verdict = decideChain(chain, direction, traffic);
  const policies = isolatingPolicies(inventory, pod, direction, options);
  const d = verdict.decision;
  const reason =
    d.by === 'rule'
      ? `${verdict.allowed ? 'allowed' : 'denied'} by ${d.rule.label} (tier ${d.rule.tier}, order ${d.rule.order ?? 'none'}) ${direction} rule ${d.rule.ruleIndex} (${d.rule.action})`
      : d.by === 'tier-default'
        ? `no rule of tier ${d.tier} matches: denied by the tier's default action`
        : verdict.tiers.length === 0
          ? `no policy applies to the pod for ${direction}: allowed by its profile`
          : `passed by every tier that applies: allowed by the pod's profile`;
  return {
    direction,
    isolated: verdict.tiers.length > 0,
    isolatingPolicies: policies.map((p) => p.ref),
    allowingRules: [],
    allowed: verdict.allowed,
    reason,
    decidedBy: { tier: 'Chain', chain: verdict },
    passedBy: [],
  };
}

/**
 * The first rule of the tier, in evaluation order, whose peers and ports match: it decides
 * unless it is a `Pass`, which ends the tier (recorded in `passedBy`).
 */
function firstClusterMatch(
  inventory: Inventory,
  tier: ClusterTier,
  direction: Direction,
  pod: Pod,
  traffic: Traffic,
  passedBy: ClusterRuleRef[],
): ClusterRuleRef | undefined {
  if (inventory.clusterPolicies.length === 0) return undefined;
  const peer = direction === 'egress' ? traffic.dst : traffic.src;
  for (const policy of tierPolicies(inventory, tier, pod, direction)) {
    for (const rule of policy[direction]) {
      if (!clusterRulePeersMatch(inventory, rule, peer)) continue;
      if (!clusterRulePortMatches(rule, traffic.protocol, traffic.port, traffic.dst)) continue;
      const ref = clusterRuleRef(policy, rule);
      if (rule.action !== 'Pass') return ref;
      passedBy.push(ref);
      return undefined;
    }
  }
  return undefined;
}

/** Identifies a rule of a cluster policy. */
export function clusterRuleRef(policy: ClusterPolicy, rule: ClusterRule): ClusterRuleRef {
  return {
    policy: policy.ref,
    tier: policy.tier,
    priority: policy.priority,
    ruleIndex: rule.index,
    ruleName: rule.name,
    action: rule.action,
  };
}

function clusterVerdict(
  direction: Direction,
  decided: ClusterRuleRef,
  isolation: { isolated: boolean; isolatingPolicies: ObjectRef[] },
  passedBy: ClusterRuleRef[],
): DirectionVerdict {
  const allowed = decided.action === 'Accept';
  const name = decided.ruleName ? ` (${decided.ruleName})` : '';
  return {
    direction,
    ...isolation,
    allowingRules: [],
    allowed,
    reason: `${allowed ? 'accepted' : 'denied'} by ${decided.tier}-tier ${decided.policy.kind} ${decided.policy.name} ${direction} rule ${decided.ruleIndex}${name}`,
    decidedBy: { ...decided, tier: decided.tier },
    passedBy,
  };
}

function networkPolicyVerdict(
  inventory: Inventory,
  direction: Direction,
  policies: readonly NetworkPolicy[],
  traffic: Traffic,
  options: EvaluationOptions,
  passedBy: ClusterRuleRef[],
): DirectionVerdict {
  const peer = direction === 'egress' ? traffic.dst : traffic.src;
  const allowingRules: RuleRef[] = [];
  for (const policy of policies) {
    for (const rule of policy[direction]) {
      if (
        rulePeersMatch(inventory, policy, rule, peer, options) &&
        rulePortsMatch(rule, traffic.protocol, traffic.port, traffic.dst)
      ) {
        allowingRules.push({ policy: policy.ref, direction, ruleIndex: rule.index });
      }
    }
  }
  const allowed = allowingRules.length > 0;
  return {
    direction,
    isolated: true,
    isolatingPolicies: policies.map((p) => p.ref),
    allowingRules,
    allowed,
    reason: allowed
      ? `allowed by ${allowingRules.length} rule(s)`
      : `isolated by ${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} and no ${direction} rule matches: denied by default`,
    decidedBy: { tier: 'NetworkPolicy' },
    passedBy,
  };
}
