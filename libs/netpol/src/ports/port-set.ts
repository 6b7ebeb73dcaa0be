/** Lowest and highest port a NetworkPolicy can name. */
export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** An inclusive port interval. */
export type PortRange = readonly [number, number];

/**
 * An immutable set of ports in 1..65535: sorted, disjoint, non-adjacent intervals.
 *
 * @example PortSet.range(80, 80).union(PortSet.range(81, 90)).toString() // '80-90'
 */
export class PortSet {
  private constructor(readonly ranges: readonly PortRange[]) {}

  static readonly EMPTY = new PortSet([]);
  static readonly ALL = new PortSet([[MIN_PORT, MAX_PORT]]);

  /** `from..to` clamped to 1..65535; empty when nothing of it is a valid port. */
  static range(from: number, to: number): PortSet {
    const lo = Math.max(from, MIN_PORT);
    const hi = Math.min(to, MAX_PORT);
    return lo > hi ? PortSet.EMPTY : new PortSet([[lo, hi]]);
  }

  static fromRanges(ranges: readonly PortRange[]): PortSet {
    const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
    const out: [number, number][] = [];
    for (const [a, b] of sorted) {
      const last = out[out.length - 1];
      if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
      else out.push([a, b]);
    }
    return new PortSet(out);
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  get isAll(): boolean {
    const only = this.ranges[0];
    return (
      this.ranges.length === 1 && only !== undefined && only[0] === MIN_PORT && only[1] === MAX_PORT
    );
  }

  has(port: number): boolean {
    return this.ranges.some(([a, b]) => a <= port && port <= b);
  }

  union(other: PortSet): PortSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return PortSet.fromRanges([...this.ranges, ...other.ranges]);
  }

  intersect(other: PortSet): PortSet {
    const out: PortRange[] = [];
    for (const [a, b] of this.ranges) {
      for (const [c, d] of other.ranges) {
        const lo = Math.max(a, c);
        const hi = Math.min(b, d);
        if (lo <= hi) out.push([lo, hi]);
      }
    }
    return PortSet.fromRanges(out);
  }

  subtract(other: PortSet): PortSet {
    let current: PortRange[] = [...this.ranges];
    for (const [c, d] of other.ranges) {
      const next: PortRange[] = [];
      for (const [a, b] of current) {
        if (d < a || c > b) next.push([a, b]);
        else {
          if (c > a) next.push([a, c - 1]);
          if (d < b) next.push([d + 1, b]);
        }
      }
      current = next;
    }
    return PortSet.fromRanges(current);
  }

  equals(other: PortSet): boolean {
    return this.toString() === other.toString();
  }

  /** `80,443,8000-8080`; empty string when empty. */
  toString(): string {
    return this.ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
  }
}
