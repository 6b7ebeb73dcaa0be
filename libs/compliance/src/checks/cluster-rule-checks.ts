import {
  clusterPeerMatches,
  clusterPolicyLabel,
  isMatchAll,
  selectionMatchesPod,
  type ClusterPeer,
  type Pod,
} from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import type { CheckContext } from './check-context';
import { allClusterRules } from './cluster-rules';
import { clusterRuleEvidence, selectionText } from './tier-evidence';

/** Subjects of a check over cluster policies and the failing ones, to add to the NetworkPolicy part. */
export interface ClusterPart {
  readonly total: number;
  readonly failures: Evidence[];
}

/**
 * ZT-5 / NSA-3 over cluster policies: an `Accept` rule (either tier) is over-broad when a peer
 * admits every pod of every namespace (`namespaces: {}`, or `pods` with both selectors `{}`) or
 * every address of a family (`networks` with a `/0`). `Deny` and `Pass` rules with such peers
 * admit nothing: a broad Deny is how a cluster policy says default deny. Subjects are the
 * `Accept` rules.
 */
export function overBroadClusterRules(ctx: CheckContext): ClusterPart {
  const rules = allClusterRules(ctx.inventory).filter((r) => r.rule.action === 'Accept');
  const failures: Evidence[] = [];
  for (const { policy, direction, rule } of rules) {
    const reasons: Evidence[] = [];
    for (const peer of rule.peers) {
      if (peer.kind === 'pods' && everyPod(peer)) {
        reasons.push({ peer: peer.index, reason: 'every pod of every namespace' });
      } else if (peer.kind === 'networks') {
        for (const cidr of peer.cidrs.filter((c) => c.prefix === 0)) {
          reasons.push({
            peer: peer.index,
            reason: `networks ${cidr.family === 4 ? '0.0.0.0/0' : '::/0'}: every ${cidr.family === 4 ? 'IPv4' : 'IPv6'} address`,
          });
        }
      }
    }
    if (reasons.length > 0)
      failures.push({ ...clusterRuleEvidence(policy, direction, rule), reasons });
  }
  return { total: rules.length, failures };
}

type PodsPeer = Extract<ClusterPeer, { kind: 'pods' }>;

function isPodsPeer(peer: ClusterPeer): peer is PodsPeer {
  return peer.kind === 'pods';
}

function everyPod(peer: PodsPeer): boolean {
  return isMatchAll(peer.namespaceSelector) && (!peer.podSelector || isMatchAll(peer.podSelector));
}

/**
 * ZT-7 over cluster policies: a policy whose subject selects no pod (host-network pods are
 * never selected) has no effect. Subjects are the cluster policies.
 */
export function clusterPoliciesSelectingNothing(ctx: CheckContext): ClusterPart {
  const { inventory } = ctx;
  const failures: Evidence[] = [];
  for (const policy of inventory.clusterPolicies) {
    if (inventory.pods.some((pod) => selectionMatchesPod(inventory, policy.subject, pod))) continue;
    failures.push({
      policy: clusterPolicyLabel(policy),
      kind: policy.kind,
      tier: policy.tier,
      subject: selectionText(policy.subject),
    });
  }
  return { total: inventory.clusterPolicies.length, failures };
}

/**
 * ZT-8 over cluster policies: a rule whose peers are all `namespaces`/`pods` peers, none of which
 * matches a pod, decides nothing. Rules with a `networks` peer always name addresses; `nodes`
 * and `domainNames` peers are not evaluated offline (the coverage report lists them), so such
 * rules are not failed here. Subjects are every cluster-policy rule.
 */
export function clusterRulesMatchingNothing(ctx: CheckContext): ClusterPart {
  const { inventory } = ctx;
  const rules = allClusterRules(inventory);
  const failures: Evidence[] = [];
  for (const { policy, direction, rule } of rules) {
    const podPeers = rule.peers.filter(isPodsPeer);
    if (podPeers.length !== rule.peers.length) continue;
    const matchesSome = podPeers.some((peer) =>
      inventory.pods.some((pod) => clusterPeerMatches(inventory, peer, { kind: 'pod', pod })),
    );
    if (matchesSome) continue;
    failures.push({
      ...clusterRuleEvidence(policy, direction, rule),
      peers: podPeers.map((p) => `[${p.index}] ${selectionText(p)}`),
    });
  }
  return { total: rules.length, failures };
}

/**
 * ZT-9 over cluster policies: a named port (`destinationNamedPort` / `namedPort`) matches a
 * container port of that name on the destination pod, whatever its protocol. Destinations: the
 * pods the subject selects for an ingress rule; the pods a peer matches (`networks` included:
 * they match pod addresses) for an egress rule. Subjects are the distinct named ports of rules.
 */
export function unresolvedClusterNamedPorts(ctx: CheckContext): ClusterPart {
  const { inventory } = ctx;
  let total = 0;
  const failures: Evidence[] = [];
  for (const { policy, direction, rule } of allClusterRules(inventory)) {
    // A named port is kept once per protocol: one subject per name.
    const names = [
      ...new Set(rule.ports.map((p) => p.port).filter((p): p is string => typeof p === 'string')),
    ];
    if (names.length === 0) continue;
    const destinations: Pod[] =
      direction === 'ingress'
        ? inventory.pods.filter((pod) => selectionMatchesPod(inventory, policy.subject, pod))
        : inventory.pods.filter((pod) =>
            rule.peers.some((peer) => clusterPeerMatches(inventory, peer, { kind: 'pod', pod })),
          );
    for (const name of names) {
      total++;
      if (destinations.some((pod) => pod.ports.some((cp) => cp.name === name))) continue;
      failures.push({
        ...clusterRuleEvidence(policy, direction, rule),
        port: name,
        destinationPods: destinations.length,
      });
    }
  }
  return { total, failures };
}
