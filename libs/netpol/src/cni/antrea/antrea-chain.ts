import { clusterPolicyInChain, networkPolicyInChain } from '../../chain/kubernetes-chain-policies';
import type { ChainPolicy, ChainRule, PolicyChain } from '../../chain/policy-chain';
import type { ClusterPolicy } from '../../cluster/cluster-policy';
import type { Inventory, Pod } from '../../inventory/inventory';
import type { Direction } from '../../policy/network-policy';
import type { EvaluationOptions } from '../../reference/traffic';
import { indexGroups } from './antrea-groups';
import { appliesToPod, type AntreaContext } from './antrea-match';
import type { AntreaPolicy } from './antrea-objects';
import { antreaChainRules } from './antrea-rules';
import {
  ANTREA_BASELINE_TIER,
  ANTREA_CHAIN_TIER,
  ANTREA_CHAIN_TIERS,
  ANTREA_STATIC_TIERS,
  BASELINE_ADMIN_POLICY_PRIORITY,
  BASELINE_CHAIN_TIER,
  K8S_CHAIN_TIER,
  UPSTREAM_TIER_PRIORITY,
} from './antrea-tiers';

/**
 * Antrea's enforcement order of an inventory as an ordered chain (see `ANTREA_CHAIN_TIERS`):
 * Antrea-native policies "first enforced based on the Tier to which they are associated",
 * "Within a Tier … ordered by the `priority` at the policy level" whatever their kind, and
 * "Within a policy, rules are enforced in the order in which they are set"; then "K8s
 * NetworkPolicies are enforced next, and "baseline" Tier policies will be enforced last". The
 * network-policy-api kinds sit where Antrea places them (`UPSTREAM_TIER_PRIORITY`).
 *
 * Policies of one tier and one priority are interleaved rule by rule: Antrea gives a rule the
 * priority (tier, policy priority, rule position), and "their rule level priorities are only
 * considered equal if their policy objects share the same Tier and have the same policy
 * priority, plus the rules themselves are of the same rule priority". So each policy becomes one
 * chain policy per rule position, and positions come before names. Equal rule-level priorities
 * are "nondeterministic" in Antrea; here they go by label (code-point order).
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#antrea-native-policy-ordering-based-on-priorities
 *
 * @example antreaChain(inventory, DEFAULT_OPTIONS).policies.map((p) => p.label)
 */
export function antreaChain(inventory: Inventory, options: EvaluationOptions): PolicyChain {
  const antrea = inventory.antrea ?? { policies: [], tiers: [], groups: [], notes: [] };
  const ctx: AntreaContext = {
    inventory,
    options,
    groups: indexGroups(antrea.groups),
    nodeAddresses: new Map(),
  };
  const tierPriority = new Map<string, number>([
    ...ANTREA_STATIC_TIERS.map((t) => [t.name, t.priority] as const),
    ...antrea.tiers.map((t) => [t.name, t.priority] as const),
  ]);
  const policies: ChainPolicy[] = [
    ...antrea.policies.flatMap((p) => antreaPolicyInChain(ctx, p, tierPriority.get(p.tier) ?? 250)),
    ...inventory.policies.map((p) =>
      networkPolicyInChain(
        inventory,
        p,
        { tier: K8S_CHAIN_TIER, order: undefined, tieKey: `${p.namespace}/${p.name}` },
        options,
      ),
    ),
    ...inventory.clusterPolicies.flatMap((p) => upstreamPolicyInChain(inventory, p)),
  ];
  return { cni: 'antrea', tiers: ANTREA_CHAIN_TIERS, policies };
}

function antreaPolicyInChain(
  ctx: AntreaContext,
  policy: AntreaPolicy,
  rank: number,
): ChainPolicy[] {
  const acnp = policy.kind === 'ClusterNetworkPolicy';
  const label = acnp
    ? `acnp/${policy.tier}/${policy.name}`
    : `annp/${policy.tier}/${policy.namespace ?? 'default'}/${policy.name}`;
  const applies = (pod: Pod, direction: Direction): boolean =>
    policy.appliedTo.length > 0
      ? appliesToPod(ctx, policy.appliedTo, pod)
      : policy[direction].some((r) => appliesToPod(ctx, r.appliedTo ?? [], pod));
  const rules = (direction: Direction): ChainRule[][] =>
    policy[direction].map((r) => antreaChainRules(ctx, r, direction));
  return byRulePosition(
    {
      ref: policy.ref,
      kind: acnp ? 'acnp' : 'annp',
      label,
      tier: policy.tier === ANTREA_BASELINE_TIER ? BASELINE_CHAIN_TIER : ANTREA_CHAIN_TIER,
      order: policy.priority,
      rank,
      tieKey: label,
      applies,
      ingress: [],
      egress: [],
    },
    rules('ingress'),
    rules('egress'),
  );
}

/**
 * A network-policy-api policy as Antrea enforces it: ClusterNetworkPolicy Admin at tier
 * priority 220, AdminNetworkPolicy at 251 (both in Antrea's policy table, so a `Pass` there
 * also goes to NetworkPolicy), Baseline-tier ClusterNetworkPolicy and BaselineAdminNetworkPolicy
 * (priority 1) at 254, after Antrea's baseline tier.
 */
function upstreamPolicyInChain(inventory: Inventory, policy: ClusterPolicy): ChainPolicy[] {
  const admin = policy.tier === 'Admin';
  const base = clusterPolicyInChain(inventory, policy, {
    tier: admin ? ANTREA_CHAIN_TIER : BASELINE_CHAIN_TIER,
    order: policy.priority ?? BASELINE_ADMIN_POLICY_PRIORITY,
    tieKey: policy.name,
  });
  const rank = !admin
    ? UPSTREAM_TIER_PRIORITY.baseline
    : policy.kind === 'AdminNetworkPolicy'
      ? UPSTREAM_TIER_PRIORITY.adminNetworkPolicy
      : UPSTREAM_TIER_PRIORITY.clusterAdmin;
  return byRulePosition(
    { ...base, rank, tieKey: base.label },
    base.ingress.map((r) => [r]),
    base.egress.map((r) => [r]),
  );
}

/**
 * One chain policy per rule position `k`, holding the chain rules of rule `k` of each
 * direction. Each applies where the policy does and has a rule `k` in that direction, so every
 * piece of a policy applies to the same pods.
 */
function byRulePosition(
  policy: ChainPolicy,
  ingress: readonly (readonly ChainRule[])[],
  egress: readonly (readonly ChainRule[])[],
): ChainPolicy[] {
  const count = Math.max(ingress.length, egress.length);
  const rules = { ingress, egress };
  return Array.from({ length: count }, (_, k) => ({
    ...policy,
    tieKey: `${String(k).padStart(5, '0')}/${policy.tieKey}`,
    applies: (pod: Pod, direction: Direction) =>
      rules[direction][k] !== undefined && policy.applies(pod, direction),
    ingress: ingress[k] ?? [],
    egress: egress[k] ?? [],
  }));
}
