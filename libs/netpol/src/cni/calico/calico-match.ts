import type { IpSet } from '../../cidr/ip-set';
import type { Inventory, Pod } from '../../inventory/inventory';
import { ConnectionSet } from '../../ports/connection-set';
import { PortSet } from '../../ports/port-set';
import { namespaceLabels, type Endpoint } from '../../reference/traffic';
import type { Labels } from '../../selector/label-selector';
import type { CalicoSelector } from './selector/calico-selector';
import { matchesCalicoNamespaceSelector, matchesCalicoSelector } from './selector/evaluate';
import type { CalicoEntity, CalicoNetworkSet, CalicoPort, CalicoRule } from './calico-objects';

/** Labels Calico adds to every Kubernetes workload endpoint and namespace. */
export const CALICO_LABELS = Object.freeze({
  namespace: 'projectcalico.org/namespace',
  orchestrator: 'projectcalico.org/orchestrator',
  serviceAccount: 'projectcalico.org/serviceaccount',
  name: 'projectcalico.org/name',
});

/**
 * A pod's labels as Calico selectors see them: its own, plus `projectcalico.org/namespace`,
 * `projectcalico.org/orchestrator: k8s` and `projectcalico.org/serviceaccount` (the selector
 * Calico gives converted Kubernetes policies is `projectcalico.org/orchestrator == 'k8s'`).
 * See https://docs.tigera.io/calico/latest/reference/resources/globalnetworkpolicy
 */
export function endpointLabels(pod: Pod): Labels {
  return {
    ...pod.labels,
    [CALICO_LABELS.namespace]: pod.namespace,
    [CALICO_LABELS.orchestrator]: 'k8s',
    [CALICO_LABELS.serviceAccount]: pod.serviceAccount ?? 'default',
  };
}

/** A namespace's labels plus `projectcalico.org/name` ("Match a specific namespace by name"). */
export function calicoNamespaceLabels(inventory: Inventory, namespace: string): Labels {
  return { ...namespaceLabels(inventory, namespace), [CALICO_LABELS.name]: namespace };
}

/** The labels of a pod's service account as `serviceAccountSelector`s see them. */
export function serviceAccountLabels(pod: Pod): Labels {
  return { [CALICO_LABELS.name]: pod.serviceAccount ?? 'default' };
}

/**
 * Where a rule's selectors look: a namespaced NetworkPolicy's own namespace by default, every
 * endpoint and network set for a GlobalNetworkPolicy; a `namespaceSelector` replaces that default
 * ("Defines the scope that selectors will apply to"), `global()` in it adds non-namespaced
 * resources (GlobalNetworkSets).
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#entityrule
 */
export interface SelectorScope {
  readonly policyNamespace: string | undefined;
  readonly namespaceSelector: CalicoSelector | undefined;
}

function inScope(
  inventory: Inventory,
  scope: SelectorScope,
  namespace: string | undefined,
): boolean {
  if (scope.namespaceSelector) {
    return matchesCalicoNamespaceSelector(
      scope.namespaceSelector,
      namespace === undefined ? undefined : calicoNamespaceLabels(inventory, namespace),
    );
  }
  if (scope.policyNamespace === undefined) return true;
  return namespace === scope.policyNamespace;
}

function addressOf(endpoint: Endpoint): { family: 4 | 6; value: bigint } | undefined {
  return endpoint.kind === 'external' ? endpoint.ip : endpoint.pod.ips[0];
}

/** Whether an address set matches an endpoint; a pod of unknown address only if it holds all IPv4. */
function netsMatch(nets: IpSet, endpoint: Endpoint): boolean {
  const ip = addressOf(endpoint);
  if (ip) return nets.contains(ip.family, ip.value);
  return nets.ranges.some((r) => r.family === 4 && r.first === 0n && r.last === 0xffffffffn);
}

/**
 * Whether a selector (within its scope) matches an endpoint: a pod by its labels, or any
 * address inside a matching network set (pods' addresses too: Calico matches the IPs of the
 * selected endpoints and network sets).
 */
function identityMatches(
  inventory: Inventory,
  sets: readonly CalicoNetworkSet[],
  scope: SelectorScope,
  selector: CalicoSelector | undefined,
  endpoint: Endpoint,
): boolean {
  if (
    endpoint.kind === 'pod' &&
    inScope(inventory, scope, endpoint.pod.namespace) &&
    (!selector || matchesCalicoSelector(selector, endpointLabels(endpoint.pod)))
  )
    return true;
  const ip = addressOf(endpoint);
  if (!ip) return false;
  return sets.some(
    (set) =>
      set.nets.contains(ip.family, ip.value) &&
      inScope(inventory, scope, set.namespace) &&
      (!selector || matchesCalicoSelector(selector, set.labels)),
  );
}

/**
 * Whether every identity and address criterion of an entity matches the endpoint (ports are
 * {@link entityConnections}'). `notSelector` "negates the packet match": it matches anything
 * but what the selector would.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#entityrule
 */
export function entityMatches(
  inventory: Inventory,
  sets: readonly CalicoNetworkSet[],
  policyNamespace: string | undefined,
  entity: CalicoEntity,
  endpoint: Endpoint,
): boolean {
  if (entity.nets && !netsMatch(entity.nets, endpoint)) return false;
  if (entity.notNets && netsMatch(entity.notNets, endpoint)) return false;
  const scope: SelectorScope = { policyNamespace, namespaceSelector: entity.namespaceSelector };
  if (entity.selector || entity.namespaceSelector) {
    if (!identityMatches(inventory, sets, scope, entity.selector, endpoint)) return false;
  }
  if (entity.notSelector && identityMatches(inventory, sets, scope, entity.notSelector, endpoint))
    return false;
  if (entity.serviceAccounts) {
    if (endpoint.kind !== 'pod' || !inScope(inventory, scope, endpoint.pod.namespace)) return false;
    const { names, selector } = entity.serviceAccounts;
    const sa = endpoint.pod.serviceAccount ?? 'default';
    if (names.length > 0 && !names.includes(sa)) return false;
    if (selector && !matchesCalicoSelector(selector, serviceAccountLabels(endpoint.pod)))
      return false;
  }
  if (entity.service) {
    if (endpoint.kind !== 'pod') return false;
    const namespace = entity.service.namespace || policyNamespace || 'default';
    const service = inventory.services.find(
      (s) => s.namespace === namespace && s.name === entity.service?.name,
    );
    const selector = service?.selector;
    if (!selector || endpoint.pod.namespace !== namespace) return false;
    if (!Object.entries(selector).every(([k, v]) => endpoint.pod.labels[k] === v)) return false;
  }
  return true;
}

function portsSet(
  ports: readonly CalicoPort[],
  protocol: CalicoRule['protocols'][number],
  dst: Endpoint,
): PortSet {
  const ranges: [number, number][] = [];
  for (const p of ports) {
    if (p.kind === 'range') {
      if (p.to >= 1) ranges.push([Math.max(1, p.from), p.to]);
    } else if (dst.kind === 'pod') {
      for (const cp of dst.pod.ports)
        if (cp.name === p.name && cp.protocol === protocol) ranges.push([cp.port, cp.port]);
    }
  }
  return PortSet.fromRanges(ranges);
}

/**
 * The connections a rule matches towards `dst`: its protocols, the destination's `ports` (named
 * ports resolved on `dst`) minus its `notPorts`.
 */
export function ruleConnections(rule: CalicoRule, dst: Endpoint): ConnectionSet {
  const { ports, notPorts } = rule.destination;
  let set = ConnectionSet.NONE;
  for (const protocol of rule.protocols) {
    let allowed = ports.length === 0 ? PortSet.ALL : portsSet(ports, protocol, dst);
    if (notPorts.length > 0) allowed = allowed.subtract(portsSet(notPorts, protocol, dst));
    set = set.union(ConnectionSet.of(protocol, allowed));
  }
  return set;
}
