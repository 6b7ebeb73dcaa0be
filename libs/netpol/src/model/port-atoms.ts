import { ConnectionSet } from '../ports/connection-set';
import { MAX_PORT, MIN_PORT, PortSet } from '../ports/port-set';
import { PROTOCOLS, type Protocol } from '../ports/protocol';
import { bitsKey, forEachBit, newBits, setRange, type Bits } from './bitset';

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
  private readonly toConnections = new Map<string, ConnectionSet>();

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
      setRange(protocolBits[protocol], offsets[protocol], offsets[protocol] + starts[protocol].length - 1);
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
    const key = bitsKey(bits);
    const cached = this.toConnections.get(key);
    if (cached) return cached;
    const ranges: Record<Protocol, [number, number][]> = { SCTP: [], TCP: [], UDP: [] };
    forEachBit(bits, (atom) => {
      const protocol = this.protocolOfAtom(atom);
      const list = this.starts[protocol];
      const i = atom - this.offsets[protocol];
      ranges[protocol].push([list[i] as number, i + 1 < list.length ? (list[i + 1] as number) - 1 : MAX_PORT]);
    });
    let result = ConnectionSet.NONE;
    for (const protocol of PROTOCOLS) result = result.with(protocol, PortSet.fromRanges(ranges[protocol]));
    this.toConnections.set(key, result);
    return result;
  }

  private protocolOfAtom(atom: number): Protocol {
    if (atom >= this.offsets.UDP) return 'UDP';
    if (atom >= this.offsets.TCP) return 'TCP';
    return 'SCTP';
  }
}
