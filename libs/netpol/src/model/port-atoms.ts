import { ConnectionSet } from '../ports/connection-set';
import { MAX_PORT, MIN_PORT, PortSet } from '../ports/port-set';
import { PROTOCOLS, type Protocol } from '../ports/protocol';
import { forEachBit, newBits, setRange, type Bits } from './bitset';

/**
 * The port space of each protocol cut into disjoint intervals ("atoms") at every boundary any
 * policy port, range or resolved named port uses, so that a set of connections is a bitset over
 * atoms. Atoms of TCP, UDP and SCTP share one index space.
 */
export class PortAtoms {
  private readonly starts: Readonly<Record<Protocol, readonly number[]>>;
  private readonly offsets: Readonly<Record<Protocol, number>>;
  readonly size: number;
  readonly all: Bits;
  private readonly protocolBits: Readonly<Record<Protocol, Bits>>;
  /** Memo of {@link connections}: bitset hash → entries with that hash. */
  private readonly toConnections = new Map<number, { bits: Bits; conn: ConnectionSet }[]>();

  /** `cuts` holds, per protocol, ports at which an atom starts (1 is implied). */
  constructor(cuts: Readonly<Record<Protocol, Iterable<number>>>) {
    const starts = {} as Record<Protocol, number[]>;
    const offsets = {} as Record<Protocol, number>;
    let size = 0;
    for (const protocol of PROTOCOLS) {
      const set = new Set<number>([MIN_PORT]);
      for (const c of cuts[protocol]) if (c >= MIN_PORT && c <= MAX_PORT) set.add(c);
      starts[protocol] = [...set].sort((a, b) => a - b);
      offsets[protocol] = size;
      size += starts[protocol].length;
    }
    this.starts = starts;
    this.offsets = offsets;
    this.size = size;
    const protocolBits = {} as Record<Protocol, Bits>;
    for (const protocol of PROTOCOLS) {
      protocolBits[protocol] = newBits(size);
      setRange(
        protocolBits[protocol],
        offsets[protocol],
        offsets[protocol] + starts[protocol].length - 1,
      );
    }
    this.protocolBits = protocolBits;
    this.all = newBits(size);
    setRange(this.all, 0, size - 1);
  }

  empty(): Bits {
    return newBits(this.size);
  }

  /** Every atom of one protocol (a rule port with no port number). */
  protocol(protocol: Protocol): Bits {
    return this.protocolBits[protocol];
  }

  /** Sets, in `bits`, the atoms of `from..to`; both ends must be cut points (they are, by construction). */
  addRange(bits: Bits, protocol: Protocol, from: number, to: number): void {
    const first = this.atomOf(protocol, from);
    const last = this.atomOf(protocol, to);
    setRange(bits, first, last);
  }

  private atomOf(protocol: Protocol, port: number): number {
    const list = this.starts[protocol];
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((list[mid] as number) <= port) lo = mid;
      else hi = mid - 1;
    }
    return this.offsets[protocol] + lo;
  }

  /** The connection set a bitset of atoms stands for (memoised per distinct bitset). */
  connections(bits: Bits): ConnectionSet {
    return this.connectionsAt(bits, 0);
  }

  /** {@link connections} of the bitset stored at `data[offset..]` (no copy unless new). */
  connectionsAt(data: Uint32Array, offset: number): ConnectionSet {
    const words = this.all.length;
    let hash = 0x811c9dc5;
    for (let i = 0; i < words; i++)
      hash = Math.imul(hash ^ (data[offset + i] as number), 0x01000193);
    const bucket = this.toConnections.get(hash);
    if (bucket) {
      for (const entry of bucket) {
        let same = true;
        for (let i = 0; i < words && same; i++) same = entry.bits[i] === data[offset + i];
        if (same) return entry.conn;
      }
    }
    const bits = data.slice(offset, offset + words);
    const ranges: Record<Protocol, [number, number][]> = { SCTP: [], TCP: [], UDP: [] };
    forEachBit(bits, (atom) => {
      const protocol = this.protocolOfAtom(atom);
      const list = this.starts[protocol];
      const i = atom - this.offsets[protocol];
      ranges[protocol].push([
        list[i] as number,
        i + 1 < list.length ? (list[i + 1] as number) - 1 : MAX_PORT,
      ]);
    });
    let result = ConnectionSet.NONE;
    for (const protocol of PROTOCOLS)
      result = result.with(protocol, PortSet.fromRanges(ranges[protocol]));
    const entry = { bits, conn: result };
    if (bucket) bucket.push(entry);
    else this.toConnections.set(hash, [entry]);
    return result;
  }

  private protocolOfAtom(atom: number): Protocol {
    if (atom >= this.offsets.UDP) return 'UDP';
    if (atom >= this.offsets.TCP) return 'TCP';
    return 'SCTP';
  }
}
