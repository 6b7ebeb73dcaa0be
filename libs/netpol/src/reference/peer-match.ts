import type { Inventory, Pod } from '../inventory/inventory';
import type { NetworkPolicy, PolicyPeer, PolicyPort, PolicyRule } from '../policy/network-policy';
import type { Protocol } from '../ports/protocol';
import { matchesLabels } from '../selector/label-selector';
import { namespaceLabels, type Endpoint, type EvaluationOptions } from './traffic';

/**
 * Whether a policy selects a pod: same namespace and podSelector matches.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
 */
export function policySelectsPod(policy: NetworkPolicy, pod: Pod): boolean {
  return policy.namespace === pod.namespace && matchesLabels(policy.podSelector, pod.labels);
}

/**
 * Whether one peer element of a rule matches an endpoint. A selector peer never matches an
 * external address; an ipBlock matches a pod only when `ipBlockMatchesPods` and the pod's
 * primary IP is in the block.
 */
export function peerMatches(
  inventory: Inventory,
  policy: NetworkPolicy,
  peer: PolicyPeer,
  endpoint: Endpoint,
  options: EvaluationOptions,
): boolean {
  if (peer.kind === 'ipBlock') {
    if (endpoint.kind === 'external')
      return peer.addresses.contains(endpoint.ip.family, endpoint.ip.value);
    const ip = endpoint.pod.ips[0];
    return (
      options.ipBlockMatchesPods && ip !== undefined && peer.addresses.contains(ip.family, ip.value)
    );
  }
  if (endpoint.kind === 'external') return false;
  const pod = endpoint.pod;
  const namespaceOk = peer.namespaceSelector
    ? matchesLabels(peer.namespaceSelector, namespaceLabels(inventory, pod.namespace))
    : pod.namespace === policy.namespace;
  return namespaceOk && (!peer.podSelector || matchesLabels(peer.podSelector, pod.labels));
}

/** Whether a rule's peers admit the endpoint (no `from`/`to` admits every endpoint). */
export function rulePeersMatch(
  inventory: Inventory,
  policy: NetworkPolicy,
  rule: PolicyRule,
  endpoint: Endpoint,
  options: EvaluationOptions,
): boolean {
  return (
    rule.peers === undefined ||
    rule.peers.some((p) => peerMatches(inventory, policy, p, endpoint, options))
  );
}

/**
 * Whether one rule port admits `protocol`/`port` towards `dst`. A named port resolves on the
 * destination pod's container ports, name and protocol both matching; it never matches an
 * external destination.
 */
export function portMatches(
  rulePort: PolicyPort,
  protocol: Protocol,
  port: number,
  dst: Endpoint,
): boolean {
  if (rulePort.protocol !== protocol) return false;
  if (rulePort.port === undefined) return true;
  if (typeof rulePort.port === 'number') {
    const end = rulePort.endPort ?? rulePort.port;
    return rulePort.port <= port && port <= end;
  }
  if (dst.kind !== 'pod') return false;
  return dst.pod.ports.some(
    (cp) => cp.name === rulePort.port && cp.protocol === protocol && cp.port === port,
  );
}

/** Whether a rule's ports admit the traffic (no `ports` admits every port and protocol). */
export function rulePortsMatch(
  rule: PolicyRule,
  protocol: Protocol,
  port: number,
  dst: Endpoint,
): boolean {
  return rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, protocol, port, dst));
}
