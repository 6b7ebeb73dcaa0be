import type { ObjectRef } from '../errors/object-ref';
import type { Direction } from '../policy/network-policy';
import type { Traffic } from '../reference/traffic';
import {
  applyingPolicies,
  type ChainAction,
  type ChainPolicy,
  type ChainRule,
  type PolicyChain,
} from './policy-chain';

/** One rule of a chain policy. */
export interface ChainRuleRef {
  readonly policy: ObjectRef;
  readonly label: string;
  readonly tier: string;
  readonly order: number | undefined;
  readonly ruleIndex: number;
  readonly ruleName: string | undefined;
  readonly action: ChainAction;
  readonly notEvaluated: readonly string[];
}

/**
 * What decided one direction: a rule, the end-of-tier default of a tier that applied, or the
 * endpoint's profile (no tier applied, or every tier that applied passed).
 */
export type ChainDecision =
  | { readonly by: 'rule'; readonly rule: ChainRuleRef }
  | { readonly by: 'tier-default'; readonly tier: string; readonly action: 'Deny' }
  | { readonly by: 'profile' };

export interface ChainVerdict {
  readonly allowed: boolean;
  readonly decision: ChainDecision;
  /** `Pass` rules and passing tier defaults the connection went through, in order. */
  readonly passedBy: readonly (ChainRuleRef | { readonly tier: string })[];
  /** `Log` rules that matched on the way. */
  readonly logged: readonly ChainRuleRef[];
  /** Tiers that applied to the endpoint, in order. */
  readonly tiers: readonly string[];
}

/** Identifies a rule of a chain policy. */
export function chainRuleRef(policy: ChainPolicy, rule: ChainRule): ChainRuleRef {
  return {
    policy: policy.ref,
    label: policy.label,
    tier: policy.tier,
    order: policy.order,
    ruleIndex: rule.index,
    ruleName: rule.name,
    action: rule.action,
    notEvaluated: rule.notEvaluated,
  };
}

/**
 * Decides one direction of one connection through an ordered chain, as Calico documents it:
 * "each tier that contains a policy that applies to the endpoint processes the packet. Tiers
 * are sorted by their order … Policies in each Tier are then processed in order"; `Allow`/`Deny`
 * end it, `Pass` goes to the next tier, a tier that applies but takes no action applies its
 * `defaultAction`, and after the last tier the endpoint's profile (allow, for Kubernetes pods)
 * applies. An external end is governed by no policy.
 * See https://docs.tigera.io/calico/latest/reference/resources/tier#how-policy-is-evaluated
 *
 * @example decideChain(chain, 'ingress', traffic).allowed
 */
export function decideChain(
  chain: PolicyChain,
  direction: Direction,
  traffic: Traffic,
): ChainVerdict {
  const subject = direction === 'egress' ? traffic.src : traffic.dst;
  const passedBy: (ChainRuleRef | { tier: string })[] = [];
  const logged: ChainRuleRef[] = [];
  const tiers: string[] = [];
  const done = (allowed: boolean, decision: ChainDecision): ChainVerdict => ({
    allowed,
    decision,
    passedBy,
    logged,
    tiers,
  });
  if (subject.kind !== 'pod') return done(true, { by: 'profile' });
  for (const tier of chain.tiers) {
    const policies = applyingPolicies(chain, tier, subject.pod, direction);
    if (policies.length === 0) continue;
    tiers.push(tier.name);
    const hit = firstMatch(policies, direction, traffic, logged);
    if (hit) {
      const ref = chainRuleRef(hit.policy, hit.rule);
      if (hit.rule.action === 'Pass') {
        passedBy.push(ref);
        continue;
      }
      return done(hit.rule.action === 'Allow', { by: 'rule', rule: ref });
    }
    if (tier.defaultAction === 'Deny')
      return done(false, { by: 'tier-default', tier: tier.name, action: 'Deny' });
    passedBy.push({ tier: tier.name });
  }
  return done(true, { by: 'profile' });
}

function firstMatch(
  policies: readonly ChainPolicy[],
  direction: Direction,
  traffic: Traffic,
  logged: ChainRuleRef[],
): { policy: ChainPolicy; rule: ChainRule } | undefined {
  for (const policy of policies) {
    for (const rule of policy[direction]) {
      if (!rule.matchesSource(traffic.src) || !rule.matchesDestination(traffic.dst)) continue;
      if (!rule.connections(traffic.dst).has(traffic.protocol, traffic.port)) continue;
      if (rule.action === 'Log') {
        logged.push(chainRuleRef(policy, rule));
        continue;
      }
      return { policy, rule };
    }
  }
  return undefined;
}
