import { FAMILY_BITS, formatIp, type IpFamily } from './ip-address';

/** An inclusive range of addresses of one family. */
export interface IpRange {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * An immutable set of addresses: sorted, disjoint, non-adjacent ranges (IPv4 before IPv6).
 *
 * @example IpSet.fromRange(r).subtract(IpSet.fromRange(s)).contains(4, 10n)
 */
export class IpSet {
  private constructor(readonly ranges: readonly IpRange[]) {}

  static readonly EMPTY = new IpSet([]);

  static fromRanges(ranges: readonly IpRange[]): IpSet {
    return new IpSet(normalise(ranges));
  }

  static fromRange(range: IpRange): IpSet {
    return new IpSet([range]);
  }

  /** The whole address space of one family. */
  static all(family: IpFamily): IpSet {
    return new IpSet([{ family, first: 0n, last: (1n << BigInt(FAMILY_BITS[family])) - 1n }]);
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  contains(family: IpFamily, value: bigint): boolean {
    return this.ranges.some((r) => r.family === family && r.first <= value && value <= r.last);
  }

  union(other: IpSet): IpSet {
    return IpSet.fromRanges([...this.ranges, ...other.ranges]);
  }

  subtract(other: IpSet): IpSet {
    let current: IpRange[] = [...this.ranges];
    for (const cut of other.ranges) {
      const next: IpRange[] = [];
      for (const r of current) {
        if (r.family !== cut.family || cut.last < r.first || cut.first > r.last) {
          next.push(r);
          continue;
        }
        if (cut.first > r.first)
          next.push({ family: r.family, first: r.first, last: cut.first - 1n });
        if (cut.last < r.last) next.push({ family: r.family, first: cut.last + 1n, last: r.last });
      }
      current = next;
    }
    return new IpSet(normalise(current));
  }

  intersect(other: IpSet): IpSet {
    const out: IpRange[] = [];
    for (const a of this.ranges) {
      for (const b of other.ranges) {
        if (a.family !== b.family) continue;
        const first = a.first > b.first ? a.first : b.first;
        const last = a.last < b.last ? a.last : b.last;
        if (first <= last) out.push({ family: a.family, first, last });
      }
    }
    return IpSet.fromRanges(out);
  }

  equals(other: IpSet): boolean {
    return (
      this.ranges.length === other.ranges.length &&
      this.ranges.every((r, i) => {
        const o = other.ranges[i] as IpRange;
        return r.family === o.family && r.first === o.first && r.last === o.last;
      })
    );
  }
}

function normalise(ranges: readonly IpRange[]): IpRange[] {
  const sorted = [...ranges].sort((a, b) =>
    a.family !== b.family
      ? a.family - b.family
      : a.first < b.first
        ? -1
        : a.first > b.first
          ? 1
          : 0,
  );
  const out: IpRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.first <= last.last + 1n) {
      if (r.last > last.last) out[out.length - 1] = { ...last, last: r.last };
    } else out.push(r);
  }
  return out;
}

/**
 * Renders a range in the connectivity-list notation, without the `[External]` suffix.
 *
 * @example formatIpRange({ family: 4, first: 0n, last: 4294967295n }) // '0.0.0.0-255.255.255.255'
 */
export function formatIpRange(range: IpRange): string {
  const first = formatIp({ family: range.family, value: range.first });
  const last = formatIp({ family: range.family, value: range.last });
  return `${first}-${last}`;
}
