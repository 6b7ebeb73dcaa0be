import { hasBit, newBits, setBit, type Bits } from './bitset';

/**
 * A set of pod-class ids: every class, a sorted sparse list (namespace-local selectors select a
 * handful of classes), or a dense bitset (cluster-wide selectors). Memory stays proportional to
 * what is selected, not to classes², which matters with tens of thousands of tiny namespaces.
 */
export class ClassSet {
  private constructor(
    readonly all: boolean,
    private readonly sparse: readonly number[] | undefined,
    private readonly dense: Bits | undefined,
    readonly size: number,
  ) {}

  static readonly EMPTY = new ClassSet(false, [], undefined, 0);

  static all(universe: number): ClassSet {
    return new ClassSet(true, undefined, undefined, universe);
  }

  /** From ids in any order (duplicates allowed); picks the smaller representation. */
  static of(ids: readonly number[], universe: number): ClassSet {
    if (ids.length === 0) return ClassSet.EMPTY;
    const sorted = Array.from(ids).sort((a, b) => a - b);
    let n = 0;
    for (let i = 0; i < sorted.length; i++)
      if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
    sorted.length = n;
    if (n === universe) return ClassSet.all(universe);
    if (n * 32 < universe) return new ClassSet(false, sorted, undefined, n);
    const bits = newBits(universe);
    for (let i = 0; i < n; i++) setBit(bits, sorted[i] as number);
    return new ClassSet(false, undefined, bits, n);
  }

  /** From strictly increasing ids (no sorting needed). */
  static fromSorted(ids: readonly number[], universe: number): ClassSet {
    if (ids.length === 0) return ClassSet.EMPTY;
    if (ids.length === universe) return ClassSet.all(universe);
    if (ids.length * 32 < universe) return new ClassSet(false, ids, undefined, ids.length);
    const bits = newBits(universe);
    for (const id of ids) setBit(bits, id);
    return new ClassSet(false, undefined, bits, ids.length);
  }

  static union(sets: readonly ClassSet[], universe: number): ClassSet {
    const nonEmpty = sets.filter((s) => s.size > 0);
    if (nonEmpty.length === 0) return ClassSet.EMPTY;
    if (nonEmpty.some((s) => s.all)) return ClassSet.all(universe);
    if (nonEmpty.length === 1) return nonEmpty[0] as ClassSet;
    const ids: number[] = [];
    for (const s of nonEmpty) s.forEach((id) => ids.push(id));
    return ClassSet.of(ids, universe);
  }

  has(id: number): boolean {
    if (this.all) return true;
    if (this.dense) return hasBit(this.dense, id);
    const list = this.sparse as readonly number[];
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = list[mid] as number;
      if (v === id) return true;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  forEach(fn: (id: number) => void): void {
    if (this.all) {
      for (let i = 0; i < this.size; i++) fn(i);
    } else if (this.dense) {
      const bits = this.dense;
      for (let w = 0; w < bits.length; w++) {
        let word = bits[w] as number;
        while (word !== 0) {
          const low = word & -word;
          fn((w << 5) + (31 - Math.clz32(low)));
          word ^= low;
        }
      }
    } else {
      const list = this.sparse as readonly number[];
      for (let i = 0; i < list.length; i++) fn(list[i] as number);
    }
  }
}
