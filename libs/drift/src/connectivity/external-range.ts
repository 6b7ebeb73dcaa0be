import {
  externalName,
  FAMILY_BITS,
  formatIp,
  formatIpRange,
  IpSet,
  parseIp,
  type IpRange,
} from '@fenceline/netpol';

const EXTERNAL_SUFFIX = '[External]';

/** Whether a connectivity-list peer name is an external range (`a.b.c.d-e.f.g.h[External]`). */
export function isExternalName(name: string): boolean {
  return name.endsWith(EXTERNAL_SUFFIX);
}

/**
 * The range of an external peer name, as `externalName` prints it; `undefined` when the name
 * is not one.
 *
 * @example parseExternalName('10.0.0.0-10.255.255.255[External]')?.last // 184549375n
 */
export function parseExternalName(name: string): IpRange | undefined {
  if (!isExternalName(name)) return undefined;
  const body = name.slice(0, -EXTERNAL_SUFFIX.length);
  const dash = body.indexOf('-');
  if (dash < 0) return undefined;
  const first = parseIp(body.slice(0, dash));
  const last = parseIp(body.slice(dash + 1));
  if (!first || !last || first.family !== last.family || first.value > last.value) return undefined;
  return { family: first.family, first: first.value, last: last.value };
}

/** Peer names of every range of a set, in the connectivity-list notation. */
export function externalNames(set: IpSet): string[] {
  return set.ranges.map(externalName);
}

/**
 * Addresses for people: each range as a CIDR when it is one, else `first-last`.
 *
 * @example formatAddresses(IpSet.fromRange(parseCidr('10.0.0.0/8')!)) // '10.0.0.0/8'
 */
export function formatAddresses(set: IpSet): string {
  return set.ranges.map(formatRange).join(',');
}

function formatRange(range: IpRange): string {
  const size = range.last - range.first + 1n;
  const aligned = (size & (size - 1n)) === 0n && range.first % size === 0n;
  if (!aligned) return formatIpRange(range);
  const hostBits = size.toString(2).length - 1;
  return `${formatIp({ family: range.family, value: range.first })}/${FAMILY_BITS[range.family] - hostBits}`;
}
