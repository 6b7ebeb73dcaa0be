import type { Bits } from './bitset';

/**
 * Port-atom bitsets of many rows in one growing buffer: a row is an index, not an object, which
 * keeps hundreds of thousands of rows cheap for the garbage collector.
 */
export class RowPool {
  private data: Uint32Array;
  private count = 0;

  constructor(readonly words: number) {
    this.data = new Uint32Array(Math.max(1, words) * 1024);
  }

  /** Stores a copy of `bits`; returns the row index. */
  add(bits: Bits): number {
    const at = this.count * this.words;
    if (at + this.words > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(bits, at);
    return this.count++;
  }

  /** `row |= bits`. */
  orInto(row: number, bits: Bits): void {
    const at = row * this.words;
    for (let i = 0; i < this.words; i++)
      this.data[at + i] = (this.data[at + i] as number) | (bits[i] as number);
  }

  /** A copy of one row. */
  get(row: number): Bits {
    const at = row * this.words;
    return this.data.slice(at, at + this.words);
  }

  /** The buffer and offset of a row, for reading without a copy. */
  locate(row: number): { readonly data: Uint32Array; readonly offset: number } {
    return { data: this.data, offset: row * this.words };
  }
}
