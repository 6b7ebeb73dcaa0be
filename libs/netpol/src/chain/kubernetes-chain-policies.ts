import type { ClusterPolicy } from '../cluster/cluster-policy';
import { clusterPolicyLabel } from '../cluster/cluster-policy';
import type { Inventory, Pod } from '../inventory/inventory';
import type { Direction, NetworkPolicy } from '../policy/network-policy';
import { ConnectionSet } from '../ports/connection-set';
import {
  clusterRuleConnections,
  clusterRulePeersMatch,
  selectionMatchesPod,
} from '../reference/cluster-match';
import { policySelectsPod, rulePeersMatch } from '../reference/peer-match';
import { portConnections } from '../reference/port-connections';
import type { Endpoint, EvaluationOptions } from '../reference/traffic';
import type { ChainPolicy, ChainRule } from './policy-chain';

/** A Kubernetes rule's peers are the other end; its own end is the selected pod. */
function peerSide(
  direction: Direction,
  matches: (peer: Endpoint) => boolean,
): Pick<ChainRule, 'matchesSource' | 'matchesDestination'> {
  const any = (): boolean => true;
  return direction === 'egress'
    ? { matchesSource: any, matchesDestination: matches }
    : { matchesSource: matches, matchesDestination: any };
}

/**
 * A Kubernetes NetworkPolicy as a chain policy: it applies where it isolates the pod, and each
 * rule is an `Allow` (what no rule allows meets the tier's default Deny).
 */
export function networkPolicyInChain(
  inventory: Inventory,
  policy: NetworkPolicy,
  placement: { tier: string; order: number | undefined; tieKey: string },
  options: EvaluationOptions,
): ChainPolicy {
  const rules = (direction: Direction): ChainRule[] =>
    policy[direction].map((rule) => ({
      index: rule.index,
      name: undefined,
      action: 'Allow' as const,
      ...peerSide(direction, (peer) => rulePeersMatch(inventory, policy, rule, peer, options)),
      namedPorts: rule.ports.some((p) => typeof p.port === 'string'),
      connections: (dst: Endpoint) =>
        rule.ports.length === 0
          ? ConnectionSet.ALL
          : rule.ports.reduce((acc, p) => acc.union(portConnections(p, dst)), ConnectionSet.NONE),
      notEvaluated: [],
    }));
  return {
    ref: policy.ref,
    kind: 'knp',
    label: `knp/${policy.ref.namespace ?? 'default'}/${policy.ref.name}`,
    ...placement,
    applies: (pod: Pod, direction: Direction) =>
      !(pod.hostNetwork && options.hostNetwork === 'unrestricted') &&
      policy.isolates[direction] &&
      policySelectsPod(policy, pod),
    ingress: rules('ingress'),
    egress: rules('egress'),
  };
}

/** A ClusterNetworkPolicy/AdminNetworkPolicy/BaselineAdminNetworkPolicy as a chain policy. */
export function clusterPolicyInChain(
  inventory: Inventory,
  policy: ClusterPolicy,
  placement: { tier: string; order: number | undefined; tieKey: string },
): ChainPolicy {
  const rules = (direction: Direction): ChainRule[] =>
    policy[direction].map((rule) => ({
      index: rule.index,
      name: rule.name,
      action: rule.action === 'Accept' ? ('Allow' as const) : rule.action,
      ...peerSide(direction, (peer) => clusterRulePeersMatch(inventory, rule, peer)),
      namedPorts: rule.ports.some((p) => typeof p.port === 'string'),
      connections: (dst: Endpoint) => clusterRuleConnections(rule, dst),
      notEvaluated: rule.peers.some((p) => p.kind === 'domainNames') ? ['domain names'] : [],
    }));
  const label = clusterPolicyLabel(policy);
  return {
    ref: policy.ref,
    kind: label.slice(0, label.indexOf('/')) as 'cnp' | 'anp' | 'banp',
    label,
    ...placement,
    applies: (pod: Pod, direction: Direction) =>
      policy[direction].length > 0 && selectionMatchesPod(inventory, policy.subject, pod),
    ingress: rules('ingress'),
    egress: rules('egress'),
  };
}
