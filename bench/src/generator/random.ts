/**
 * A seeded pseudo-random stream (mulberry32): the same seed always yields the same clusters, so
 * benchmark numbers are comparable between runs and machines. Never `Math.random`.
 *
 * @example new Random(42).int(0, 9) // the same digit on every run
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `length` characters from `alphabet`, like the random suffixes Kubernetes controllers add. */
  token(length: number, alphabet = KUBE_ALPHABET): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** A new stream derived from this one, so a sub-generator's draws do not shift the caller's. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}

/** The alphabet of `pod-template-hash` and pod name suffixes (no vowels, no look-alikes). */
export const KUBE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
