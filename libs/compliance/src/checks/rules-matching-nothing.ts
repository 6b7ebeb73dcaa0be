import { formatSelector, peerMatches, type SelectorPeer } from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import { policyName, type CheckContext } from './check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from './check-outcome';
import { clusterRulesMatchingNothing } from './cluster-rule-checks';
import { allRules } from './policy-rules';

/**
 * ZT-8: every rule with peers can match something. A rule whose `from`/`to` lists only selector
 * peers, none of which matches a pod of the inventory, admits nothing (an ipBlock always names
 * addresses; a missing `from`/`to` matches everyone). Cluster-policy rules are checked alike
 * ({@link clusterRulesMatchingNothing}). Subjects are rules with peers (every cluster rule has).
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicyPeer
 */
export function rulesMatchingNothing(ctx: CheckContext): CheckOutcome {
  const rules = allRules(ctx.inventory.policies).filter((r) => r.rule.peers !== undefined);
  const cluster = clusterRulesMatchingNothing(ctx);
  if (rules.length === 0 && cluster.total === 0)
    return notApplicable('no rule lists peers (from/to)');
  const failures: Evidence[] = [];
  for (const { policy, direction, rule } of rules) {
    const peers = rule.peers ?? [];
    if (peers.some((p) => p.kind === 'ipBlock')) continue;
    const matchesSome = peers.some((peer) =>
      ctx.inventory.pods.some((pod) =>
        peerMatches(ctx.inventory, policy, peer, { kind: 'pod', pod }, ctx.compiled.options),
      ),
    );
    if (matchesSome) continue;
    failures.push({
      namespace: policy.namespace,
      policy: policyName(policy),
      direction,
      rule: rule.index,
      peers: (peers as SelectorPeer[]).map(describePeer),
    });
  }
  failures.push(...cluster.failures);
  const details = [
    {
      rulesWithPeers: rules.length,
      ...(cluster.total > 0 ? { clusterRules: cluster.total } : {}),
    },
  ];
  return fromSubjects(rules.length + cluster.total, failures, details);
}

function describePeer(peer: SelectorPeer): string {
  const parts: string[] = [];
  if (peer.namespaceSelector)
    parts.push(`namespaceSelector ${formatSelector(peer.namespaceSelector)}`);
  if (peer.podSelector) parts.push(`podSelector ${formatSelector(peer.podSelector)}`);
  return `[${peer.index}] ${parts.join(' + ')}`;
}
