/**
 * Fixed-size bitsets over `Uint32Array` words: the currency of the fast model (sets of port
 * atoms, IP atoms and pod classes).
 */
export type Bits = Uint32Array;

export function newBits(size: number): Bits {
  return new Uint32Array((size + 31) >>> 5);
}

export function setBit(bits: Bits, i: number): void {
  bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
}

export function hasBit(bits: Bits, i: number): boolean {
  return (((bits[i >>> 5] as number) >>> (i & 31)) & 1) === 1;
}

/** Sets bits `from..to` inclusive. */
export function setRange(bits: Bits, from: number, to: number): void {
  for (let i = from; i <= to; i++) setBit(bits, i);
}

/** `target |= source` (same length). */
export function orInto(target: Bits, source: Bits): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) | (source[i] as number);
}

/** `target &= source`; returns whether any bit is left. */
export function andInto(target: Bits, source: Bits): boolean {
  let any = 0;
  for (let i = 0; i < target.length; i++) {
    const v = (target[i] as number) & (source[i] as number);
    target[i] = v;
    any |= v;
  }
  return any !== 0;
}

export function isEmptyBits(bits: Bits): boolean {
  for (let i = 0; i < bits.length; i++) if (bits[i] !== 0) return false;
  return true;
}

/** Calls `fn` for every set bit, in increasing order. */
export function forEachBit(bits: Bits, fn: (i: number) => void): void {
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] as number;
    while (word !== 0) {
      const low = word & -word;
      fn((w << 5) + (31 - Math.clz32(low)));
      word ^= low;
    }
  }
}
