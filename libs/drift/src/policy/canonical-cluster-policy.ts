import {
  ConnectionSet,
  IpSet,
  PortSet,
  PROTOCOLS,
  type ClusterPeer,
  type ClusterPodSelection,
  type ClusterPolicy,
  type ClusterPolicyKind,
  type ClusterRule,
  type ClusterTier,
  type Direction,
} from '@fenceline/netpol';
import { formatAddresses } from '../connectivity/external-range';
import { selectorText } from './canonical-policy';
import { ruleSteps, type OrderedRule } from './rule-order';

/**
 * What a ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy means, as
 * readable canonical text: two policies of the same kind with equal canonical forms decide every
 * connection alike on every cluster, whatever their YAML looked like. Built from netpol's internal
 * form, so v1alpha1's `Allow` is already `Accept` and both port syntaxes are one.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 */
export interface CanonicalClusterPolicy {
  readonly kind: ClusterPolicyKind;
  readonly tier: ClusterTier;
  /** `null` for a BaselineAdminNetworkPolicy, which has none. */
  readonly priority: number | null;
  readonly subject: string;
  /**
   * The rules in evaluation order as steps (see `ruleSteps`): rules within a step may be in any
   * order, steps may not. `Deny from pods {} in namespaces team=a on TCP 80`.
   */
  readonly ingress: readonly (readonly string[])[];
  readonly egress: readonly (readonly string[])[];
}

/**
 * The canonical form of a parsed cluster policy. Normalised: the order of requirements, values,
 * peers and ports, and duplicates; `matchLabels` vs an `In` with one value; a `namespaces` peer
 * or subject vs `pods` with `podSelector: {}`; the networks of a rule as the union of their
 * addresses; numeric ports as a set (a range equals the list of its ports); a named port
 * already covered by a protocol's whole range; in the Baseline tier `Pass` as `Accept` (both end
 * in the default allow); rule order only where it cannot matter (see `ruleSteps`). Rule names
 * are not compared (they only label explain output).
 *
 * @example canonicalClusterPolicy(p).ingress // [['Deny from pods {} in namespaces {} on any port']]
 */
export function canonicalClusterPolicy(policy: ClusterPolicy): CanonicalClusterPolicy {
  return {
    kind: policy.kind,
    tier: policy.tier,
    priority: policy.priority ?? null,
    subject: selectionText(policy.subject),
    ingress: directionSteps(policy, 'ingress'),
    egress: directionSteps(policy, 'egress'),
  };
}

/**
 * What differs between the expected and the actual canonical form of one cluster policy, for a
 * finding's evidence; `undefined` when they are equal. Per direction: both rule lists (`n. rule`,
 * rules of one step share `n`), the rules expected but absent (`missing`), present but not
 * expected (`unexpected`), and `reordered` when the same rules stand in an order that can change
 * a verdict.
 */
export function clusterPolicyDifferences(
  expected: CanonicalClusterPolicy,
  actual: CanonicalClusterPolicy,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const part of ['tier', 'priority', 'subject'] as const) {
    if (expected[part] === actual[part]) continue;
    changed.push(part);
    out[part] = { expected: expected[part], actual: actual[part] };
  }
  for (const direction of ['ingress', 'egress'] as const) {
    const before = expected[direction];
    const after = actual[direction];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    changed.push(direction);
    const all = (steps: readonly (readonly string[])[]): string[] => steps.flat();
    const missing = all(before).filter((r) => !all(after).includes(r));
    const unexpected = all(after).filter((r) => !all(before).includes(r));
    out[direction] = {
      expected: numbered(before),
      actual: numbered(after),
      missing,
      unexpected,
      reordered: missing.length === 0 && unexpected.length === 0,
    };
  }
  return changed.length === 0 ? undefined : { changed, ...out };
}

function numbered(steps: readonly (readonly string[])[]): string[] {
  return steps.flatMap((step, i) => step.map((rule) => `${i + 1}. ${rule}`));
}

function directionSteps(policy: ClusterPolicy, direction: Direction): string[][] {
  const word = direction === 'ingress' ? 'from' : 'to';
  const rules = policy[direction].map((rule) => orderedRule(policy.tier, rule, word));
  return ruleSteps(rules, (r) => `${r.action} ${r.match}`);
}

function orderedRule(tier: ClusterTier, rule: ClusterRule, word: string): OrderedRule {
  const ports = portsOf(rule);
  const onlyNetworks = rule.peers.every((p) => p.kind === 'networks');
  return {
    action: tier === 'Baseline' && rule.action === 'Pass' ? 'Accept' : rule.action,
    match: `${word} ${peersText(rule.peers)} on ${ports.text}`,
    ports: ports.named ? undefined : ports.numeric,
    addresses: onlyNetworks ? networksOf(rule.peers) : undefined,
  };
}

function selectionText(selection: ClusterPodSelection): string {
  const pods = selection.podSelector ? selectorText(selection.podSelector) : '{}';
  return `pods ${pods} in namespaces ${selectorText(selection.namespaceSelector)}`;
}

function networksOf(peers: readonly ClusterPeer[]): IpSet {
  let addresses = IpSet.EMPTY;
  for (const peer of peers)
    if (peer.kind === 'networks') addresses = addresses.union(peer.addresses);
  return addresses;
}

function peersText(peers: readonly ClusterPeer[]): string {
  const texts = new Set<string>();
  const domains = new Set<string>();
  for (const peer of peers) {
    if (peer.kind === 'pods') texts.add(selectionText(peer));
    else if (peer.kind === 'nodes') texts.add(`nodes ${selectorText(peer.nodeSelector)}`);
    else if (peer.kind === 'domainNames') peer.names.forEach((n) => domains.add(n.toLowerCase()));
  }
  const addresses = networksOf(peers);
  if (!addresses.isEmpty) texts.add(`addresses ${formatAddresses(addresses)}`);
  if (domains.size > 0) texts.add(`domains ${[...domains].sort().join(',')}`);
  return [...texts].sort().join(' or ');
}

/**
 * The ports of a rule: the numeric set, and the named ports still adding something (a name is
 * kept on the protocols whose every port is not already matched).
 */
function portsOf(rule: ClusterRule): { text: string; numeric: ConnectionSet; named: boolean } {
  if (rule.ports.length === 0)
    return { text: 'any port', numeric: ConnectionSet.ALL, named: false };
  let numeric = ConnectionSet.NONE;
  const named = new Map<string, Set<string>>();
  for (const p of rule.ports) {
    if (typeof p.port === 'number')
      numeric = numeric.union(
        ConnectionSet.of(p.protocol, PortSet.range(p.port, p.endPort ?? p.port)),
      );
    else if (p.port === undefined)
      numeric = numeric.union(ConnectionSet.of(p.protocol, PortSet.ALL));
    else {
      const protocols = named.get(p.port) ?? new Set<string>();
      named.set(p.port, protocols.add(p.protocol));
    }
  }
  const names: string[] = [];
  for (const [name, protocols] of [...named].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const open = PROTOCOLS.filter((p) => protocols.has(p) && !numeric.ports(p).isAll);
    if (open.length === 0) continue;
    names.push(
      open.length === PROTOCOLS.length ? `named ${name}` : `named ${name} (${open.join(',')})`,
    );
  }
  const parts = [
    ...(numeric.isEmpty ? [] : [numeric.isAll ? 'any port' : numeric.toString()]),
    ...names,
  ];
  return { text: parts.join(' + '), numeric, named: names.length > 0 };
}
