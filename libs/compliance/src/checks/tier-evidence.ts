import {
  clusterPolicyLabel,
  formatSelector,
  type ClusterPodSelection,
  type ClusterPolicy,
  type ClusterPolicyKind,
  type ClusterRule,
  type ClusterRuleRef,
  type DefaultDenySource,
  type Direction,
} from '@fenceline/netpol';
import type { Evidence } from '../framework/types';

/**
 * One cluster-policy rule as evidence names it: `cnp/default-deny egress rule 0`, with the rule's
 * name in parentheses when it has one.
 *
 * @example clusterRuleText(ref, 'egress') // 'cnp/default-deny egress rule 0 (deny-all)'
 */
export function clusterRuleText(
  ref: Pick<ClusterRuleRef, 'policy' | 'ruleIndex' | 'ruleName'>,
  direction: Direction,
): string {
  // A ClusterRuleRef's policy is always one of the three cluster kinds.
  const label = clusterPolicyLabel({
    kind: ref.policy.kind as ClusterPolicyKind,
    name: ref.policy.name,
  });
  return `${label} ${direction} rule ${ref.ruleIndex}${ref.ruleName ? ` (${ref.ruleName})` : ''}`;
}

/** What gives default deny, as names: the isolating NetworkPolicies, or the cluster rule. */
export function defaultDenyNames(
  source: DefaultDenySource | undefined,
  direction: Direction,
): string[] {
  if (!source) return [];
  return source.by === 'NetworkPolicy'
    ? [...source.policies]
    : [clusterRuleText(source, direction)];
}

/** The fields evidence gives a cluster-policy rule: label, kind, tier, priority, direction, index. */
export function clusterRuleEvidence(
  policy: ClusterPolicy,
  direction: Direction,
  rule: ClusterRule,
): Evidence {
  return {
    policy: clusterPolicyLabel(policy),
    kind: policy.kind,
    tier: policy.tier,
    priority: policy.priority ?? null,
    direction,
    rule: rule.index,
    ...(rule.name ? { ruleName: rule.name } : {}),
    action: rule.action,
  };
}

/** A subject or pod peer in text: `namespaces {…}` or `pods {…} in namespaces {…}`. */
export function selectionText(selection: ClusterPodSelection): string {
  const namespaces = `namespaces ${formatSelector(selection.namespaceSelector)}`;
  return selection.podSelector
    ? `pods ${formatSelector(selection.podSelector)} in ${namespaces}`
    : namespaces;
}
