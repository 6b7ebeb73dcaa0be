import { IpSet } from '../../cidr/ip-set';
import type { Inventory, Pod } from '../../inventory/inventory';
import { ConnectionSet } from '../../ports/connection-set';
import { portConnections } from '../../reference/port-connections';
import { namespaceLabels, type Endpoint, type EvaluationOptions } from '../../reference/traffic';
import { matchesLabels, type LabelSelector } from '../../selector/label-selector';
import { groupKey, groupMembers, type GroupIndex } from './antrea-groups';
import type { AntreaRule, AntreaSelection } from './antrea-objects';

/** What matching reads besides the selection: the inventory, the options and the groups. */
export interface AntreaContext {
  readonly inventory: Inventory;
  readonly options: EvaluationOptions;
  readonly groups: GroupIndex;
  /** Node addresses per node selector, computed once. */
  readonly nodeAddresses: Map<LabelSelector, IpSet>;
}

function inNamespaces(
  ctx: AntreaContext,
  s: Extract<AntreaSelection, { kind: 'pods' }>,
  namespace: string,
  bound: ReadonlySet<string> | undefined,
): boolean {
  const scope = s.namespaces;
  if (scope.kind === 'all') return true;
  if (scope.kind === 'named') return namespace === scope.name;
  if (scope.kind === 'selector')
    return matchesLabels(scope.selector, namespaceLabels(ctx.inventory, namespace));
  // `match: Self` / `sameLabels`: the namespaces the rule was laid out for (see antrea-rules).
  return bound?.has(namespace) === true;
}

function serviceSelects(ctx: AntreaContext, namespace: string, name: string, pod: Pod): boolean {
  const service = ctx.inventory.services.find((s) => s.namespace === namespace && s.name === name);
  const selector = service?.selector;
  // "Services without selectors are currently not supported, and will be ignored".
  if (!selector || pod.namespace !== namespace) return false;
  return Object.entries(selector).every(([k, v]) => pod.labels[k] === v);
}

/** Whether a pod is one of the pods a selection names (by labels, service account, Service). */
function selectsPod(
  ctx: AntreaContext,
  s: AntreaSelection,
  pod: Pod,
  bound: ReadonlySet<string> | undefined,
): boolean {
  if (s.kind === 'pods')
    return (
      inNamespaces(ctx, s, pod.namespace, bound) &&
      (!s.podSelector || matchesLabels(s.podSelector, pod.labels))
    );
  if (s.kind === 'serviceAccount')
    return pod.namespace === s.namespace && (pod.serviceAccount ?? 'default') === s.name;
  if (s.kind === 'service') return serviceSelects(ctx, s.namespace, s.name, pod);
  return false;
}

/**
 * Whether an `appliedTo` list applies to a pod. A group holding ipBlocks "referenced in an
 * `appliedTo` field will be ignored"; nodes, NodePort Services and ExternalEntities are no pods.
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#the-antrea-clusternetworkpolicy-resource
 */
export function appliesToPod(
  ctx: AntreaContext,
  appliedTo: readonly AntreaSelection[],
  pod: Pod,
): boolean {
  if (pod.hostNetwork && ctx.options.hostNetwork === 'unrestricted') return false;
  return appliedTo.some((s) => {
    if (s.kind !== 'group') return s.kind !== 'service' && selectsPod(ctx, s, pod, undefined);
    // An ipBlocks group has no pod to apply to; a parent applies to its children's pods.
    const members = groupMembers(ctx.groups.get(groupKey(s.namespace, s.name)), ctx.groups);
    return members.some((m) => selectsPod(ctx, m, pod, undefined));
  });
}

function addressOf(e: Endpoint): { family: 4 | 6; value: bigint } | undefined {
  return e.kind === 'external' ? e.ip : e.pod.ips[0];
}

function nodeAddresses(ctx: AntreaContext, selector: LabelSelector): IpSet {
  let set = ctx.nodeAddresses.get(selector);
  if (!set) {
    const ranges = ctx.inventory.nodes
      .filter((n) => matchesLabels(selector, n.labels))
      .flatMap((n) =>
        n.addresses.map((a) => ({ family: a.family, first: a.value, last: a.value })),
      );
    set = IpSet.fromRanges(ranges);
    ctx.nodeAddresses.set(selector, set);
  }
  return set;
}

/**
 * Whether a peer matches an endpoint. Pod selections never match a host-network pod (Antrea
 * leaves them out of address groups; a `nodeSelector` matches them by the node's IP: "Pods in
 * hostNetwork mode on these Nodes are also effectively included"); an ipBlock matches a pod only
 * with `ipBlockMatchesPods` ("These should be cluster-external IPs"); `fqdn` and ExternalEntity
 * peers match nothing offline. `bound` gives the namespaces of a `Self`/`sameLabels` peer.
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#behavior-of-to-and-from-selectors
 */
export function peerMatches(
  ctx: AntreaContext,
  s: AntreaSelection,
  e: Endpoint,
  bound?: ReadonlySet<string>,
): boolean {
  switch (s.kind) {
    case 'ipBlock': {
      if (e.kind === 'pod' && !ctx.options.ipBlockMatchesPods) return false;
      const ip = addressOf(e);
      return ip !== undefined && s.addresses.contains(ip.family, ip.value);
    }
    case 'nodes': {
      const ip = addressOf(e);
      return ip !== undefined && nodeAddresses(ctx, s.nodeSelector).contains(ip.family, ip.value);
    }
    case 'group':
      return groupMembers(ctx.groups.get(groupKey(s.namespace, s.name)), ctx.groups).some((m) =>
        peerMatches(ctx, m, e),
      );
    case 'fqdn':
    case 'externalEntities':
      return false;
    default:
      return e.kind === 'pod' && !e.pod.hostNetwork && selectsPod(ctx, s, e.pod, bound);
  }
}

/** What of a peer is not evaluated offline, for `ChainRule.notEvaluated`. */
function peerNotes(ctx: AntreaContext, s: AntreaSelection): string[] {
  if (s.kind === 'fqdn') return [`FQDN ${s.name}`];
  if (s.kind === 'externalEntities') return ['externalEntitySelector (ExternalEntities)'];
  if (s.kind === 'nodes' && !ctx.inventory.nodesKnown)
    return ['nodeSelector (the input holds no Node objects: it matches nothing here)'];
  if (s.kind === 'pods' && s.clusterSet)
    return ['scope ClusterSet (pods of other member clusters)'];
  if (s.kind === 'group')
    return groupMembers(ctx.groups.get(groupKey(s.namespace, s.name)), ctx.groups).flatMap((m) =>
      peerNotes(ctx, m),
    );
  return [];
}

/**
 * What a rule restricts that is not evaluated offline: FQDN peers ("Antrea will only program
 * datapath rules … based on DNS results"), `toServices` (matched "based on the clusterIP, port
 * and protocol of Services"; "direct access to the Endpoints of this Service is not affected"),
 * L7 criteria, source ports, peers of other clusters, and `nodeSelector` without Node objects.
 */
export function ruleNotEvaluated(ctx: AntreaContext, rule: AntreaRule): string[] {
  const notes = rule.peers.flatMap((p) => peerNotes(ctx, p));
  for (const s of rule.toServices)
    notes.push(
      `toServices ${s.namespace}/${s.name} (matched on the Service's ClusterIP, not modelled; direct connections to its endpoints are not affected)`,
    );
  notes.push(...rule.l7);
  if (rule.ports.some((p) => p.sourcePorts)) notes.push('source ports');
  return [...new Set(notes)];
}

/**
 * The connections a rule matches towards `dst`: every protocol and port without `ports` and
 * `protocols`; else its ports (named ports resolved on `dst`; ICMP/IGMP add none). Source ports
 * are not evaluated: an `Allow` ignores them, a `Drop`/`Reject`/`Pass` port entry with them
 * matches nothing — never reported closed when it may be open.
 */
export function antreaRuleConnections(rule: AntreaRule, dst: Endpoint): ConnectionSet {
  if (rule.ports.length === 0 && rule.otherProtocols.length === 0) return ConnectionSet.ALL;
  return rule.ports.reduce(
    (acc, p) =>
      p.sourcePorts && rule.action !== 'Allow' ? acc : acc.union(portConnections(p, dst)),
    ConnectionSet.NONE,
  );
}
