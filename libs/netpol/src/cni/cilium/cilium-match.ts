import type { IpSet } from '../../cidr/ip-set';
import { ConnectionSet } from '../../ports/connection-set';
import { PortSet } from '../../ports/port-set';
import type { Endpoint } from '../../reference/traffic';
import { matchesLabels } from '../../selector/label-selector';
import type { CiliumContext } from './cilium-endpoint';
import type { CiliumEntity, CiliumPeer, CiliumPortRule, CiliumRule } from './cilium-objects';
import { matchesCiliumSelector } from './cilium-selector';

/** Entities no endpoint of an offline inventory has. */
const ABSENT_ENTITIES: ReadonlySet<CiliumEntity> = new Set([
  'init',
  'health',
  'unmanaged',
  'ingress',
  'kube-apiserver',
]);

/**
 * Whether an entity list matches an endpoint. Pods are `cluster` ("all Cilium-managed endpoints of
 * the local cluster"); addresses of no known node are `world` ("identical to allowing to CIDR
 * 0.0.0.0/0"); nodes and host-network pods are `host` for pods on the same node and
 * `remote-node` for the others. Which node runs a pod is not in the inventory, so a list naming
 * one of the two but not the other is taken to match every node in an Allow and none in a Deny:
 * never reported closed where it may be open. `cluster` holds both; `all` is everything.
 * See https://docs.cilium.io/en/latest/security/policy/layer3/#entities-based
 */
export function entitiesMatch(
  context: CiliumContext,
  entities: readonly CiliumEntity[],
  endpoint: Endpoint,
  action: 'Allow' | 'Deny',
): boolean {
  const has = (e: CiliumEntity): boolean => entities.includes(e);
  if (has('all')) return true;
  const kind = context.kindOf(endpoint);
  if (kind === 'pod') return has('cluster');
  if (kind === 'world') {
    if (has('world')) return true;
    return (
      endpoint.kind === 'external' && has(endpoint.ip.family === 4 ? 'world-ipv4' : 'world-ipv6')
    );
  }
  if (has('cluster') || (has('host') && has('remote-node'))) return true;
  return action === 'Allow' && (has('host') || has('remote-node'));
}

function addressOf(endpoint: Endpoint): { family: 4 | 6; value: bigint } | undefined {
  return endpoint.kind === 'external' ? endpoint.ip : endpoint.pod.ips[0];
}

/**
 * Whether one peer criterion matches an endpoint. Endpoint selectors match pods Cilium manages
 * (host-network pods are the host); "By default, CIDR-based selectors do not match in-cluster
 * entities (pods or nodes)"; a `nodes` selector matches the addresses of the nodes it selects
 * (and host-network pods on them); a Service the pods its selector selects in its namespace.
 * See https://docs.cilium.io/en/latest/security/policy/layer3/
 */
export function peerMatches(
  context: CiliumContext,
  peer: CiliumPeer,
  endpoint: Endpoint,
  action: 'Allow' | 'Deny',
  groups: (peer: Extract<CiliumPeer, { kind: 'cidrGroup' }>) => IpSet,
): boolean {
  const kind = context.kindOf(endpoint);
  switch (peer.kind) {
    case 'endpoints':
      return (
        endpoint.kind === 'pod' &&
        kind === 'pod' &&
        matchesCiliumSelector(peer.selector, context.labelsOf(endpoint.pod))
      );
    case 'entities':
      return entitiesMatch(context, peer.entities, endpoint, action);
    case 'cidrs':
    case 'cidrGroup': {
      if (kind !== 'world' || endpoint.kind !== 'external') return false;
      const set = peer.kind === 'cidrs' ? peer.cidrs : groups(peer);
      return set.contains(endpoint.ip.family, endpoint.ip.value);
    }
    case 'nodes': {
      const ip = kind === 'node' ? addressOf(endpoint) : undefined;
      return (
        ip !== undefined &&
        context.inventory.nodes.some(
          (n) =>
            matchesLabels(peer.selector, n.labels) &&
            n.addresses.some((a) => a.family === ip.family && a.value === ip.value),
        )
      );
    }
    case 'service': {
      if (endpoint.kind !== 'pod' || kind !== 'pod' || endpoint.pod.namespace !== peer.namespace)
        return false;
      const service = context.inventory.services.find(
        (s) => s.namespace === peer.namespace && s.name === peer.name,
      );
      const labels = context.labelsOf(endpoint.pod);
      return (
        service?.selector !== undefined &&
        Object.entries(service.selector).every(([k, v]) => labels[k] === v)
      );
    }
    case 'unevaluated':
      return false;
  }
}

/** Whether a rule's peers match an endpoint (no L3 field: every endpoint). */
export function rulePeersMatch(
  context: CiliumContext,
  rule: CiliumRule,
  endpoint: Endpoint,
  action: 'Allow' | 'Deny',
  groups: (peer: Extract<CiliumPeer, { kind: 'cidrGroup' }>) => IpSet,
): boolean {
  return rule.peers === undefined
    ? true
    : rule.peers.some((p) => peerMatches(context, p, endpoint, action, groups));
}

/**
 * The connections one `toPorts` entry admits towards `dst`: each port over its protocols; a
 * named port resolves on the destination pod's container ports ("Named port specified for a
 * container may narrow this down, but may not contradict this").
 * See https://docs.cilium.io/en/latest/security/policy/layer4/
 */
export function portRuleConnections(entry: CiliumPortRule, dst: Endpoint): ConnectionSet {
  let set = ConnectionSet.NONE;
  for (const { protocols, port } of entry.ports) {
    if (port.kind === 'range') {
      for (const protocol of protocols)
        set = set.union(ConnectionSet.of(protocol, PortSet.range(port.from, port.to)));
    } else if (dst.kind === 'pod') {
      for (const cp of dst.pod.ports)
        if (cp.name?.toLowerCase() === port.name && protocols.includes(cp.protocol))
          set = set.union(ConnectionSet.of(cp.protocol, PortSet.range(cp.port, cp.port)));
    }
  }
  return set;
}

/** What a rule's peers leave unevaluated offline, for display beside its verdict. */
export function peerNotes(
  context: CiliumContext,
  rule: CiliumRule,
  groupNames: ReadonlySet<string>,
): string[] {
  const notes: string[] = [];
  for (const peer of rule.peers ?? []) {
    if (peer.kind === 'unevaluated') notes.push(peer.what);
    if (peer.kind === 'cidrGroup' && peer.name !== undefined && !groupNames.has(peer.name))
      notes.push(`CiliumCIDRGroup ${peer.name} (not in the inventory)`);
    if (
      peer.kind === 'endpoints' &&
      peer.selector.requirements.some((r) => r.source === 'reserved')
    )
      notes.push('endpoint selector on reserved: labels (use fromEntities/toEntities)');
    if (peer.kind === 'nodes' && !context.inventory.nodesKnown)
      notes.push('node selector (no Node objects: node addresses unknown)');
    if (peer.kind !== 'entities') continue;
    const has = (e: CiliumEntity): boolean => peer.entities.includes(e);
    for (const e of peer.entities.filter((x) => ABSENT_ENTITIES.has(x)))
      notes.push(`entity ${e} (no such endpoint in the inventory)`);
    if (has('all') || has('cluster')) continue;
    const hosts = (['host', 'remote-node'] as const).filter(has);
    if (hosts.length === 1)
      notes.push(
        `entity ${hosts[0]} (which node runs the pod is not known: an Allow matches every node, a Deny none)`,
      );
    if (hosts.length > 0 && !context.inventory.nodesKnown)
      notes.push(`entity ${hosts.join(', ')} (no Node objects: only host-network pods match)`);
  }
  return notes;
}
