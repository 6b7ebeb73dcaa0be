import { hasBit, newBits, setBit, type Bits } from './bitset';

/**
 * A set of pod-class ids: every class, a sorted sparse list (namespace-local selectors select a
 * handful of classes), or a dense bitset (cluster-wide selectors). Memory stays proportional to
 * what is selected, not to classes², which matters with tens of thousands of tiny namespaces.
 */
export class ClassSet {
  private constructor(
    readonly all: boolean,
    private readonly sparse: Int32Array | undefined,
    private readonly dense: Bits | undefined,
    readonly size: number,
  ) {}

  static readonly EMPTY = new ClassSet(false, new Int32Array(0), undefined, 0);

  static all(universe: number): ClassSet {
    return new ClassSet(true, undefined, undefined, universe);
  }

  /** From ids in any order (duplicates allowed); picks the smaller representation. */
  static of(ids: readonly number[] | Int32Array, universe: number): ClassSet {
    if (ids.length === 0) return ClassSet.EMPTY;
    const sorted = Int32Array.from(ids).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
    if (n === universe) return ClassSet.all(universe);
    if (n * 32 < universe) return new ClassSet(false, sorted.slice(0, n), undefined, n);
    const bits = newBits(universe);
    for (let i = 0; i < n; i++) setBit(bits, sorted[i] as number);
    return new ClassSet(false, undefined, bits, n);
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
    const list = this.sparse as Int32Array;
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
      const list = this.sparse as Int32Array;
      for (let i = 0; i < list.length; i++) fn(list[i] as number);
    }
  }
}
