import { FAMILY_BITS, formatIp, parseIp, type IpFamily } from './ip-address';

/**
 * A CIDR block as an inclusive address range. `hostBitsSet` records input such as
 * `10.0.1.1/4`, which the API server accepts (with a warning) as `0.0.0.0/4`.
 */
export interface Cidr {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
  readonly prefix: number;
  readonly hostBitsSet: boolean;
}

/**
 * Parses `a.b.c.d/n` or `x::/n`; `undefined` when invalid. Host bits are masked off.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#IPBlock
 *
 * @example parseCidr('10.0.0.0/8')?.last // 184549375n (10.255.255.255)
 */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^(0|[1-9]\d{0,2})$/.test(prefixText)) return undefined;
  const bits = FAMILY_BITS[address.family];
  const prefix = Number(prefixText);
  if (prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  const hostMask = (1n << hostBits) - 1n;
  const first = address.value & ~hostMask;
  return {
    family: address.family,
    first,
    last: first | hostMask,
    prefix,
    hostBitsSet: (address.value & hostMask) !== 0n,
  };
}

/** Renders the canonical form, e.g. `0.0.0.0/4` for input `10.0.1.1/4`. */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ family: cidr.family, value: cidr.first })}/${cidr.prefix}`;
}

/** Whether `inner` lies inside `outer` and is strictly smaller (what `except` requires). */
export function isStrictSubnet(inner: Cidr, outer: Cidr): boolean {
  return (
    inner.family === outer.family &&
    inner.prefix > outer.prefix &&
    inner.first >= outer.first &&
    inner.last <= outer.last
  );
}
