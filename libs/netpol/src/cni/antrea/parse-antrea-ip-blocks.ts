import { formatCidr, isStrictSubnet, parseCidr, type Cidr } from '../../cidr/cidr';
import { IpSet } from '../../cidr/ip-set';
import type { IssueSink } from '../../errors/issue-sink';
import { readArray, readObject, readString } from '../../raw/read-field';
import type { AntreaSelection } from './antrea-objects';

/**
 * Reads ipBlocks (`cidr` plus `except`, each "validated to be strictly within the base CIDR
 * range"); their union is one selection. Rules "will simply not match traffic whose addresses
 * are included in the `except` fields".
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#behavior-of-to-and-from-selectors
 */
export function parseIpBlocks(
  sink: IssueSink,
  raws: readonly unknown[],
  path: string,
  indexed = false,
): AntreaSelection | undefined {
  const before = sink.count;
  let addresses = IpSet.EMPTY;
  const cidrs: Cidr[] = [];
  const texts: string[] = [];
  raws.forEach((raw, i) => {
    const p = indexed ? `${path}[${i}]` : path;
    const obj = readObject(sink, raw, p);
    if (!obj) return;
    const cidrText = readString(sink, obj['cidr'], `${p}.cidr`);
    const cidr = cidrText === undefined ? undefined : parseCidr(cidrText);
    if (cidrText === undefined) sink.add('MISSING_FIELD', `${p}.cidr`, 'cidr is required');
    else if (!cidr)
      sink.add('INVALID_CIDR', `${p}.cidr`, `${JSON.stringify(cidrText)} is not a valid CIDR`);
    const except: Cidr[] = [];
    (readArray(sink, obj['except'], `${p}.except`) ?? []).forEach((e, j) => {
      const text = readString(sink, e, `${p}.except[${j}]`);
      const c = text === undefined ? undefined : parseCidr(text);
      if (text === undefined) return;
      if (!c)
        sink.add(
          'INVALID_CIDR',
          `${p}.except[${j}]`,
          `${JSON.stringify(text)} is not a valid CIDR`,
        );
      else if (cidr && !isStrictSubnet(c, cidr))
        sink.add(
          'EXCEPT_OUTSIDE_CIDR',
          `${p}.except[${j}]`,
          `${JSON.stringify(text)} is not a strict subset of ${JSON.stringify(cidrText)}`,
        );
      else except.push(c);
    });
    if (!cidr) return;
    addresses = addresses.union(IpSet.fromRange(cidr).subtract(IpSet.fromRanges(except)));
    cidrs.push(cidr, ...except);
    texts.push(
      except.length
        ? `${formatCidr(cidr)} except ${except.map(formatCidr).join(',')}`
        : formatCidr(cidr),
    );
  });
  if (sink.count > before) return undefined;
  return { kind: 'ipBlock', addresses, cidrs, text: texts.join(', ') };
}
