import { formatCidr, parseCidr, type Cidr } from '../cidr/cidr';
import { IpSet } from '../cidr/ip-set';
import type { IssueSink } from '../errors/issue-sink';
import { isUnset, readArray, readObject, readString, type RawObject } from '../raw/read-field';
import { MATCH_ALL, parseLabelSelector } from '../selector/label-selector';
import type { ClusterPeer, ClusterPodSelection } from './cluster-policy';

/** The DomainName pattern of the CRDs: exact names, or `*.` followed by one or more labels. */
const DOMAIN_NAME =
  /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

/** Per-list limits of the CRD version being read. */
export interface PeerLimits {
  readonly networks: number;
  readonly domainNames: number;
}

/**
 * `pods: {namespaceSelector, podSelector}`: namespaceSelector optional (empty selects every
 * namespace), podSelector required. Also the shape of a `subject`.
 */
export function parsePodSelection(
  sink: IssueSink,
  raw: unknown,
  path: string,
): ClusterPodSelection | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) return undefined;
  const before = sink.count;
  const namespaceSelector =
    parseLabelSelector(sink, obj['namespaceSelector'], `${path}.namespaceSelector`) ?? MATCH_ALL;
  if (isUnset(obj['podSelector'])) {
    sink.add(
      'MISSING_FIELD',
      `${path}.podSelector`,
      'podSelector is required (use {} for every pod)',
    );
  }
  const podSelector = parseLabelSelector(sink, obj['podSelector'], `${path}.podSelector`);
  return sink.count > before ? undefined : { namespaceSelector, podSelector };
}

/** `namespaces: <selector>`: every (non-host-network) pod in the matching namespaces. */
export function parseNamespaces(
  sink: IssueSink,
  raw: unknown,
  path: string,
): ClusterPodSelection | undefined {
  const before = sink.count;
  const namespaceSelector = parseLabelSelector(sink, raw, path) ?? MATCH_ALL;
  return sink.count > before ? undefined : { namespaceSelector, podSelector: undefined };
}

/**
 * One ingress or egress peer: exactly one of the fields `allowed` lists (`namespaces`, `pods`;
 * egress also `networks`, `nodes` and, where the kind has them, `domainNames`).
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha2.ClusterNetworkPolicyEgressPeer
 */
export function parseClusterPeer(
  sink: IssueSink,
  raw: unknown,
  path: string,
  index: number,
  allowed: readonly string[],
  limits: PeerLimits,
): ClusterPeer | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) {
    sink.add('INVALID_PEER', path, `a peer sets exactly one of ${allowed.join(', ')}`);
    return undefined;
  }
  const present = Object.keys(obj).filter((k) => !isUnset(obj[k]));
  const known = present.filter((k) => allowed.includes(k));
  if (known.length !== 1 || present.length !== 1) {
    const extra = present.filter((k) => !allowed.includes(k));
    const why = extra.length > 0 ? ` (${extra.join(', ')} not allowed here)` : '';
    sink.add('INVALID_PEER', path, `a peer sets exactly one of ${allowed.join(', ')}${why}`);
    return undefined;
  }
  const field = known[0] as string;
  const at = `${path}.${field}`;
  if (field === 'namespaces') {
    const sel = parseNamespaces(sink, obj[field], at);
    return sel && { kind: 'pods', index, ...sel };
  }
  if (field === 'pods') {
    const sel = parsePodSelection(sink, obj[field], at);
    return sel && { kind: 'pods', index, ...sel };
  }
  if (field === 'nodes') {
    const before = sink.count;
    const nodeSelector = parseLabelSelector(sink, obj[field], at) ?? MATCH_ALL;
    return sink.count > before ? undefined : { kind: 'nodes', index, nodeSelector };
  }
  if (field === 'networks') return parseNetworks(sink, obj, at, index, limits.networks);
  return parseDomainNames(sink, obj, at, index, limits.domainNames);
}

function readList(
  sink: IssueSink,
  obj: RawObject,
  field: string,
  path: string,
  max: number,
): readonly unknown[] {
  const list = readArray(sink, obj[field], path) ?? [];
  if (list.length === 0) sink.add('MISSING_FIELD', path, `${field} must list at least one item`);
  if (list.length > max) sink.add('TOO_MANY_ITEMS', path, `at most ${max} items`);
  return list;
}

function parseNetworks(
  sink: IssueSink,
  obj: RawObject,
  path: string,
  index: number,
  max: number,
): ClusterPeer | undefined {
  const before = sink.count;
  const cidrs: Cidr[] = [];
  readList(sink, obj, 'networks', path, max).forEach((raw, i) => {
    const text = readString(sink, raw, `${path}[${i}]`);
    if (text === undefined) return;
    const cidr = text.length <= 43 ? parseCidr(text) : undefined;
    if (!cidr)
      sink.add('INVALID_CIDR', `${path}[${i}]`, `${JSON.stringify(text)} is not a valid CIDR`);
    else cidrs.push(cidr);
  });
  if (sink.count > before) return undefined;
  const addresses = IpSet.fromRanges(cidrs);
  return {
    kind: 'networks',
    index,
    cidrs,
    addresses,
    text: cidrs.map(formatCidr).join(','),
    coversUnknownAddress: IpSet.all(4).subtract(addresses).isEmpty,
  };
}

function parseDomainNames(
  sink: IssueSink,
  obj: RawObject,
  path: string,
  index: number,
  max: number,
): ClusterPeer | undefined {
  const before = sink.count;
  const names: string[] = [];
  readList(sink, obj, 'domainNames', path, max).forEach((raw, i) => {
    const name = readString(sink, raw, `${path}[${i}]`);
    if (name === undefined) return;
    if (!DOMAIN_NAME.test(name)) {
      sink.add(
        'INVALID_DOMAIN_NAME',
        `${path}[${i}]`,
        `${JSON.stringify(name)} is not a domain name (a wildcard only as a leading "*.")`,
      );
    } else names.push(name);
  });
  return sink.count > before ? undefined : { kind: 'domainNames', index, names };
}
