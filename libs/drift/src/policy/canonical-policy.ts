import {
  ConnectionSet,
  formatSelector,
  IpSet,
  NAMESPACE_NAME_LABEL,
  PortSet,
  type Direction,
  type LabelRequirement,
  type LabelSelector,
  type NetworkPolicy,
  type PolicyPeer,
  type PolicyPort,
} from '@fenceline/netpol';
import { formatAddresses } from '../connectivity/external-range';

/**
 * What a NetworkPolicy means, as readable canonical text: two policies with equal canonical
 * forms select the same pods and allow the same traffic, whatever their YAML looked like.
 * Built from netpol's parsed form, so `policyTypes` defaulting, TCP as the default protocol
 * and rules of a direction not in `policyTypes` (which never apply) are already settled.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec
 */
export interface CanonicalPolicy {
  readonly podSelector: string;
  readonly policyTypes: readonly string[];
  /** One text per distinct rule, sorted: rule order and duplicate rules do not matter. */
  readonly ingress: readonly string[];
  readonly egress: readonly string[];
}

/**
 * The canonical form of a parsed policy. Normalised: requirement, value, peer, port and rule
 * order and duplicates; `matchLabels` vs an `In` expression with one value; a peer without
 * `namespaceSelector` vs one selecting the policy's own namespace by
 * `kubernetes.io/metadata.name`; a peer without `podSelector` vs `podSelector: {}`; ipBlocks of
 * one rule as the union of their addresses; numeric ports as a set (80-81 vs 80 and 81; a
 * protocol without port vs its whole range; every port of every protocol vs no `ports`).
 *
 * @example canonicalPolicy(policy).ingress // ['from pods app=web in namespaces kubernetes.io/metadata.name=shop on TCP 80']
 */
export function canonicalPolicy(policy: NetworkPolicy): CanonicalPolicy {
  return {
    podSelector: selectorText(policy.podSelector),
    policyTypes: [
      policy.isolates.ingress ? 'Ingress' : '',
      policy.isolates.egress ? 'Egress' : '',
    ].filter(Boolean),
    ingress: rules(policy, 'ingress'),
    egress: rules(policy, 'egress'),
  };
}

/**
 * What differs between the expected and the actual canonical form, for a finding's evidence;
 * `undefined` when they are equal. Per direction: rules expected but absent (`missing`) and
 * rules present but not expected (`unexpected`).
 */
export function policyDifferences(
  expected: CanonicalPolicy,
  actual: CanonicalPolicy,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const changed: string[] = [];
  if (expected.podSelector !== actual.podSelector) {
    changed.push('podSelector');
    out['podSelector'] = { expected: expected.podSelector, actual: actual.podSelector };
  }
  if (expected.policyTypes.join() !== actual.policyTypes.join()) {
    changed.push('policyTypes');
    out['policyTypes'] = { expected: expected.policyTypes, actual: actual.policyTypes };
  }
  for (const direction of ['ingress', 'egress'] as const) {
    const missing = expected[direction].filter((r) => !actual[direction].includes(r));
    const unexpected = actual[direction].filter((r) => !expected[direction].includes(r));
    if (missing.length === 0 && unexpected.length === 0) continue;
    changed.push(direction);
    out[direction] = { missing, unexpected };
  }
  return changed.length === 0 ? undefined : { changed, ...out };
}

/** Canonical text of a selector: requirements and values sorted, duplicates dropped. */
export function selectorText(selector: LabelSelector): string {
  const byText = new Map<string, LabelRequirement>();
  for (const r of selector.requirements) {
    const values = [...new Set(r.values)].sort();
    byText.set(`${r.key}\u0000${r.operator}\u0000${values.join('\u0000')}`, { ...r, values });
  }
  const sorted = [...byText.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
  return formatSelector({ requirements: sorted });
}

function rules(policy: NetworkPolicy, direction: Direction): string[] {
  const word = direction === 'ingress' ? 'from' : 'to';
  const texts = policy[direction].map(
    (rule) => `${word} ${peersText(policy, rule.peers)} on ${portsText(rule.ports)}`,
  );
  return [...new Set(texts)].sort();
}

function peersText(policy: NetworkPolicy, peers: readonly PolicyPeer[] | undefined): string {
  if (peers === undefined) return 'any peer';
  const texts = new Set<string>();
  let addresses = IpSet.EMPTY;
  for (const peer of peers) {
    if (peer.kind === 'ipBlock') {
      addresses = addresses.union(peer.addresses);
      continue;
    }
    // No namespaceSelector means the policy's own namespace, which its immutable name label selects.
    const namespaces = peer.namespaceSelector
      ? selectorText(peer.namespaceSelector)
      : `${NAMESPACE_NAME_LABEL}=${policy.namespace}`;
    texts.add(
      `pods ${peer.podSelector ? selectorText(peer.podSelector) : '{}'} in namespaces ${namespaces}`,
    );
  }
  if (!addresses.isEmpty) texts.add(`addresses ${formatAddresses(addresses)}`);
  return [...texts].sort().join(' or ');
}

function portsText(ports: readonly PolicyPort[]): string {
  if (ports.length === 0) return 'any port';
  let numeric = ConnectionSet.NONE;
  const named: PolicyPort[] = [];
  for (const p of ports) {
    if (p.port === undefined) numeric = numeric.union(ConnectionSet.of(p.protocol, PortSet.ALL));
    else if (typeof p.port === 'number')
      numeric = numeric.union(
        ConnectionSet.of(p.protocol, PortSet.range(p.port, p.endPort ?? p.port)),
      );
    else named.push(p);
  }
  if (numeric.isAll) return 'any port';
  // A named port adds nothing to a protocol whose every port is already allowed.
  const names = named
    .filter((p) => !numeric.ports(p.protocol).isAll)
    .map((p) => `named ${p.protocol} ${String(p.port)}`);
  return [...(numeric.isEmpty ? [] : [numeric.toString()]), ...[...new Set(names)].sort()].join(
    ' + ',
  );
}
