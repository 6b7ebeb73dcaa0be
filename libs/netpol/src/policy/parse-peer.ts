import { formatCidr, isStrictSubnet, parseCidr, type Cidr } from '../cidr/cidr';
import { IpSet } from '../cidr/ip-set';
import type { IssueSink } from '../errors/issue-sink';
import { isUnset, readArray, readObject, readString } from '../raw/read-field';
import { parseLabelSelector } from '../selector/label-selector';
import type { IpBlockPeer, PolicyPeer } from './network-policy';

/**
 * Validates one `NetworkPolicyPeer`: at least one of podSelector / namespaceSelector / ipBlock,
 * and ipBlock alone.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicyPeer
 */
export function parsePeer(
  sink: IssueSink,
  raw: unknown,
  path: string,
  index: number,
): PolicyPeer | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) {
    sink.add(
      'PEER_WITHOUT_SELECTOR',
      path,
      'must specify a podSelector, namespaceSelector or ipBlock',
    );
    return undefined;
  }
  const before = sink.count;
  const hasPod = !isUnset(obj['podSelector']);
  const hasNs = !isUnset(obj['namespaceSelector']);
  const hasIp = !isUnset(obj['ipBlock']);
  if (!hasPod && !hasNs && !hasIp) {
    sink.add(
      'PEER_WITHOUT_SELECTOR',
      path,
      'must specify a podSelector, namespaceSelector or ipBlock',
    );
    return undefined;
  }
  if (hasIp && (hasPod || hasNs)) {
    sink.add(
      'PEER_IPBLOCK_WITH_SELECTOR',
      path,
      'may not specify both ipBlock and another peer selector',
    );
    return undefined;
  }
  if (hasIp) return parseIpBlock(sink, obj['ipBlock'], `${path}.ipBlock`, index);
  const podSelector = parseLabelSelector(sink, obj['podSelector'], `${path}.podSelector`);
  const namespaceSelector = parseLabelSelector(
    sink,
    obj['namespaceSelector'],
    `${path}.namespaceSelector`,
  );
  if (sink.count > before) return undefined;
  return { kind: 'selector', index, podSelector, namespaceSelector };
}

function parseIpBlock(
  sink: IssueSink,
  raw: unknown,
  path: string,
  index: number,
): IpBlockPeer | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) return undefined;
  const before = sink.count;
  const cidrText = readString(sink, obj['cidr'], `${path}.cidr`);
  let cidr: Cidr | undefined;
  if (cidrText === undefined) sink.add('MISSING_FIELD', `${path}.cidr`, 'cidr is required');
  else {
    cidr = parseCidr(cidrText);
    if (!cidr)
      sink.add('INVALID_CIDR', `${path}.cidr`, `${JSON.stringify(cidrText)} is not a valid CIDR`);
  }
  const except: Cidr[] = [];
  (readArray(sink, obj['except'], `${path}.except`) ?? []).forEach((rawExcept, i) => {
    const p = `${path}.except[${i}]`;
    const text = readString(sink, rawExcept, p);
    if (text === undefined) return;
    const c = parseCidr(text);
    if (!c) sink.add('INVALID_CIDR', p, `${JSON.stringify(text)} is not a valid CIDR`);
    else if (cidr && !isStrictSubnet(c, cidr)) {
      sink.add(
        'EXCEPT_OUTSIDE_CIDR',
        p,
        `${JSON.stringify(text)} must be a strict subset of cidr ${JSON.stringify(cidrText)}`,
      );
    } else except.push(c);
  });
  if (!cidr || sink.count > before) return undefined;
  const addresses = IpSet.fromRange(cidr).subtract(IpSet.fromRanges(except));
  const text = except.length
    ? `${formatCidr(cidr)} except ${except.map(formatCidr).join(',')}`
    : formatCidr(cidr);
  return { kind: 'ipBlock', index, cidr, except, text, addresses };
}
