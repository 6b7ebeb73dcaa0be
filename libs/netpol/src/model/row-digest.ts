import type { Bits } from './bitset';

/** Two 32-bit hashes of a peer name, computed once per peer. */
export type PeerHash = readonly [number, number];

export function peerHash(text: string): PeerHash {
  return [hashText(text, 0x811c9dc5), hashText(text, 0x01000193)];
}

/**
 * An order-independent digest of a set of (peer, atoms) entries: two 32-bit hashes summed per
 * entry, packed into one safe integer. Equal rows give equal digests; a diff only looks into
 * rows whose digests differ.
 */
export class RowDigest {
  private a = 0;
  private b = 0;

  add(peer: PeerHash, bits: Bits): void {
    let h1 = peer[0];
    let h2 = peer[1];
    for (let i = 0; i < bits.length; i++) {
      h1 = Math.imul(h1 ^ (bits[i] as number), 0x01000193);
      h2 = Math.imul(h2 ^ (bits[i] as number), 0x5bd1e995);
    }
    this.a = (this.a + (Math.imul(h1 ^ (h1 >>> 15), 0x85ebca6b) >>> 0)) >>> 0;
    this.b = (this.b + (Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35) >>> 0)) >>> 0;
  }

  get value(): number {
    return this.a * 0x200000 + (this.b & 0x1fffff);
  }
}

function hashText(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
