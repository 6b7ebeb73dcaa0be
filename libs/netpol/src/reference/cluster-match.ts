import type {
  ClusterPeer,
  ClusterPodSelection,
  ClusterPolicy,
  ClusterRule,
} from '../cluster/cluster-policy';
import { compareClusterPolicies } from '../cluster/cluster-policy';
import type { Inventory, Pod } from '../inventory/inventory';
import type { Direction } from '../policy/network-policy';
import { ConnectionSet } from '../ports/connection-set';
import { matchesLabels } from '../selector/label-selector';
import type { Protocol } from '../ports/protocol';
import { portMatches } from './peer-match';
import { portConnections } from './port-connections';
import { namespaceLabels, type Endpoint } from './traffic';

/**
 * Whether a subject or a `namespaces`/`pods` peer selects a pod. Host-network pods are never
 * selected: "host-networked pods are not included in this type of peer".
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha2.ClusterNetworkPolicyEgressPeer
 */
export function selectionMatchesPod(
  inventory: Inventory,
  selection: ClusterPodSelection,
  pod: Pod,
): boolean {
  if (pod.hostNetwork) return false;
  if (!matchesLabels(selection.namespaceSelector, namespaceLabels(inventory, pod.namespace)))
    return false;
  return !selection.podSelector || matchesLabels(selection.podSelector, pod.labels);
}

/**
 * Whether one peer matches an endpoint. `networks` matches addresses inside and outside the
 * cluster ("cluster-internal traffic will be checked against the rule as well"): a pod by its
 * primary IP (host-network pods included), a pod of unknown address only when the CIDRs cover
 * all of IPv4. A resolved `nodes` peer (the inventory holds nodes) matches the same way over its
 * nodes' IPs: an external address equal to one, or a pod whose primary IP is one (a host-network
 * pod); a pod of unknown address never. An unresolved `nodes` peer and `domainNames` match
 * nothing offline (no node addresses, no DNS answers); explain and coverage show such rules.
 */
export function clusterPeerMatches(
  inventory: Inventory,
  peer: ClusterPeer,
  endpoint: Endpoint,
): boolean {
  switch (peer.kind) {
    case 'pods':
      return endpoint.kind === 'pod' && selectionMatchesPod(inventory, peer, endpoint.pod);
    case 'networks': {
      if (endpoint.kind === 'external')
        return peer.addresses.contains(endpoint.ip.family, endpoint.ip.value);
      const ip = endpoint.pod.ips[0];
      return ip ? peer.addresses.contains(ip.family, ip.value) : peer.coversUnknownAddress;
    }
    case 'nodes': {
      if (!peer.addresses) return false;
      if (endpoint.kind === 'external')
        return peer.addresses.contains(endpoint.ip.family, endpoint.ip.value);
      const ip = endpoint.pod.ips[0];
      return ip !== undefined && peer.addresses.contains(ip.family, ip.value);
    }
    case 'domainNames':
      return false;
  }
}

/** Whether some peer of a cluster rule matches the endpoint. */
export function clusterRulePeersMatch(
  inventory: Inventory,
  rule: ClusterRule,
  endpoint: Endpoint,
): boolean {
  return rule.peers.some((p) => clusterPeerMatches(inventory, p, endpoint));
}

/** Whether a cluster rule's ports admit one port towards `dst` (no ports: every port). */
export function clusterRulePortMatches(
  rule: ClusterRule,
  protocol: Protocol,
  port: number,
  dst: Endpoint,
): boolean {
  return rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, protocol, port, dst));
}

/** The connections a rule's ports admit towards `dst` (named ports resolved on `dst`). */
export function clusterRuleConnections(rule: ClusterRule, dst: Endpoint): ConnectionSet {
  if (rule.ports.length === 0) return ConnectionSet.ALL;
  return rule.ports.reduce(
    (acc, port) => acc.union(portConnections(port, dst)),
    ConnectionSet.NONE,
  );
}

/** The cluster policies of one tier whose subject selects the pod, in evaluation order. */
export function tierPolicies(
  inventory: Inventory,
  tier: ClusterPolicy['tier'],
  pod: Pod,
  direction: Direction,
): ClusterPolicy[] {
  return inventory.clusterPolicies
    .filter(
      (p) =>
        p.tier === tier &&
        p[direction].length > 0 &&
        selectionMatchesPod(inventory, p.subject, pod),
    )
    .sort(compareClusterPolicies);
}
