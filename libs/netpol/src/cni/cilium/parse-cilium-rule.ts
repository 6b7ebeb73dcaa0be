import type { IssueSink } from '../../errors/issue-sink';
import type { Direction } from '../../policy/network-policy';
import { isUnset, readArray, readObject, readString } from '../../raw/read-field';
import type { CiliumPeer, CiliumRule } from './cilium-objects';
import { readCiliumSelector } from './cilium-selector';
import { readToPorts } from './parse-cilium-ports';
import {
  readCidrPeers,
  readCidrSetPeers,
  readEndpointPeers,
  readEntityPeers,
  readFqdnPeers,
  readNodePeers,
  readServicePeers,
  type PeerScope,
} from './parse-cilium-peers';

type PeerReader = (sink: IssueSink, raw: unknown, path: string, scope: PeerScope) => CiliumPeer[];

const GROUPS: PeerReader = () => [{ kind: 'unevaluated', what: 'cloud provider groups' }];

/** The L3 fields of each direction and how each is read. */
const PEER_FIELDS: Readonly<Record<Direction, Readonly<Record<string, PeerReader>>>> = {
  ingress: {
    fromEndpoints: readEndpointPeers,
    fromCIDR: readCidrPeers,
    fromCIDRSet: readCidrSetPeers,
    fromEntities: readEntityPeers,
    fromNodes: readNodePeers,
    fromGroups: GROUPS,
  },
  egress: {
    toEndpoints: readEndpointPeers,
    toCIDR: readCidrPeers,
    toCIDRSet: readCidrSetPeers,
    toEntities: readEntityPeers,
    toNodes: readNodePeers,
    toGroups: GROUPS,
    toServices: readServicePeers,
    toFQDNs: readFqdnPeers,
  },
};

export interface RuleContext {
  readonly direction: Direction;
  readonly deny: boolean;
  readonly scope: PeerScope;
}

/**
 * Reads one allow (`ingress`/`egress`) or deny (`ingressDeny`/`egressDeny`) rule. Its peers are
 * the union of its L3 fields, and `toPorts` narrows them (an L4-only rule applies "to any layer 3
 * destination"); a rule with neither matches nothing. An explicitly empty list selects no peer
 * (Cilium: "Explicitly check for empty non-nil slices, it should not result in any identity
 * being selected"). `fromRequires`/`toRequires` (deprecated, removed in Cilium 1.19) and mutual
 * authentication are kept as not evaluated; deny rules have no L7 rules and no `toFQDNs`.
 * See https://docs.cilium.io/en/latest/security/policy/layer3/
 */
export function readCiliumRule(
  sink: IssueSink,
  raw: unknown,
  path: string,
  index: number,
  context: RuleContext,
): CiliumRule | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) {
    sink.add('MISSING_FIELD', path, 'a rule must be an object');
    return undefined;
  }
  const { direction, deny, scope } = context;
  const readers = PEER_FIELDS[direction];
  const requires = direction === 'ingress' ? 'fromRequires' : 'toRequires';
  const allowed = new Set([...Object.keys(readers), requires, 'toPorts', 'icmps']);
  if (deny) allowed.delete('toFQDNs');
  else allowed.add('authentication');
  for (const key of Object.keys(obj))
    if (!allowed.has(key))
      sink.add('INVALID_TYPE', `${path}.${key}`, `unknown field ${JSON.stringify(key)}`);
  let peers: CiliumPeer[] | undefined;
  let emptyList = false;
  for (const [field, read] of Object.entries(readers)) {
    if (isUnset(obj[field]) || !allowed.has(field)) continue;
    if (Array.isArray(obj[field]) && obj[field].length === 0) emptyList = true;
    peers = [...(peers ?? []), ...read(sink, obj[field], `${path}.${field}`, scope)];
  }
  if (emptyList) peers = [];
  if (
    !isUnset(obj['toFQDNs']) &&
    Object.keys(readers).some((f) => f !== 'toFQDNs' && !isUnset(obj[f]))
  )
    sink.add(
      'INVALID_FIELD_COMBINATION',
      `${path}.toFQDNs`,
      'toFQDNs egress rules cannot contain any other L3 rules',
    );
  const notEvaluated: string[] = [];
  const requirements = readArray(sink, obj[requires], `${path}.${requires}`) ?? [];
  requirements.forEach((r, i) => readCiliumSelector(sink, r, `${path}.${requires}[${i}]`));
  if (requirements.length > 0)
    notEvaluated.push(`${requires} (deprecated, removed in Cilium 1.19; not applied)`);
  const icmps = (readArray(sink, obj['icmps'], `${path}.icmps`) ?? []).length > 0;
  if (icmps) notEvaluated.push('ICMP types');
  const auth = readObject(sink, obj['authentication'], `${path}.authentication`);
  if (auth)
    notEvaluated.push(
      `mutual authentication (${readString(sink, auth['mode'], `${path}.authentication.mode`) ?? 'mode unset'})`,
    );
  const toPorts = readToPorts(sink, obj['toPorts'], `${path}.toPorts`, deny);
  return { index, peers, toPorts, icmps, notEvaluated };
}

/** Reads a rule list (`spec.ingress`, `spec.egressDeny`, …). */
export function readCiliumRules(
  sink: IssueSink,
  raw: unknown,
  path: string,
  context: RuleContext,
): CiliumRule[] {
  return (readArray(sink, raw, path) ?? []).flatMap((item, i) => {
    const rule = readCiliumRule(sink, item, `${path}[${i}]`, i, context);
    return rule ? [rule] : [];
  });
}
