/**
 * IPv4 and IPv6 addresses as unsigned integers, so that CIDR arithmetic is exact for both
 * families.
 */
export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

export const FAMILY_BITS: Readonly<Record<IpFamily, number>> = { 4: 32, 6: 128 };

const IPV4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/**
 * Parses a textual IPv4 (dotted quad, no leading zeros) or IPv6 address; `undefined` when invalid.
 *
 * @example parseIp('10.0.0.1') // { family: 4, value: 167772161n }
 */
export function parseIp(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { family: 4, value };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!IPV4_PART.test(part)) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] | undefined => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const words: number[] = [];
  // An embedded IPv4 address may only form the last 32 bits of the whole address (RFC 4291 2.2).
  const pushGroups = (list: string[], out: number[], endsAddress: boolean): boolean => {
    for (let i = 0; i < list.length; i++) {
      const g = list[i] as string;
      const isLast = i === list.length - 1;
      if (isLast && endsAddress && g.includes('.')) {
        const v4 = parseIpv4(g);
        if (v4 === undefined) return false;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (HEX_GROUP.test(g)) out.push(parseInt(g, 16));
      else return false;
    }
    return true;
  };
  const headWords: number[] = [];
  const tailWords: number[] = [];
  if (!pushGroups(head, headWords, halves.length === 1)) return undefined;
  if (!pushGroups(tail, tailWords, true)) return undefined;
  if (halves.length === 1) {
    if (headWords.length !== 8) return undefined;
    words.push(...headWords);
  } else {
    const missing = 8 - headWords.length - tailWords.length;
    if (missing < 1) return undefined;
    words.push(...headWords, ...new Array<number>(missing).fill(0), ...tailWords);
  }
  return words.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n);
}

/**
 * Renders an address canonically (RFC 5952 for IPv6).
 *
 * @example formatIp({ family: 4, value: 167772161n }) // '10.0.0.1'
 */
export function formatIp(address: IpAddress): string {
  if (address.family === 4) {
    const v = address.value;
    return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 0xffn).toString()).join('.');
  }
  const words: number[] = [];
  for (let i = 7; i >= 0; i--) words.push(Number((address.value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLen).join(':');
  return `${left}::${right}`;
}
