import { MAX_PORT, MIN_PORT, PortSet } from './port-set';
import { isProtocol, PROTOCOLS, type Protocol } from './protocol';

/**
 * A set of (protocol, port) pairs: what one peer may open to another.
 *
 * @example ConnectionSet.of('TCP', PortSet.range(80, 80)).toString() // 'TCP 80'
 */
export class ConnectionSet {
  private constructor(private readonly byProtocol: Readonly<Record<Protocol, PortSet>>) {}

  static readonly NONE = new ConnectionSet({
    SCTP: PortSet.EMPTY,
    TCP: PortSet.EMPTY,
    UDP: PortSet.EMPTY,
  });
  static readonly ALL = new ConnectionSet({
    SCTP: PortSet.ALL,
    TCP: PortSet.ALL,
    UDP: PortSet.ALL,
  });

  static of(protocol: Protocol, ports: PortSet): ConnectionSet {
    return ConnectionSet.NONE.with(protocol, ports);
  }

  ports(protocol: Protocol): PortSet {
    return this.byProtocol[protocol];
  }

  with(protocol: Protocol, ports: PortSet): ConnectionSet {
    return new ConnectionSet({ ...this.byProtocol, [protocol]: ports });
  }

  has(protocol: Protocol, port: number): boolean {
    return this.byProtocol[protocol].has(port);
  }

  get isEmpty(): boolean {
    return PROTOCOLS.every((p) => this.byProtocol[p].isEmpty);
  }

  get isAll(): boolean {
    return PROTOCOLS.every((p) => this.byProtocol[p].isAll);
  }

  union(other: ConnectionSet): ConnectionSet {
    return this.combine(other, (a, b) => a.union(b));
  }

  intersect(other: ConnectionSet): ConnectionSet {
    return this.combine(other, (a, b) => a.intersect(b));
  }

  subtract(other: ConnectionSet): ConnectionSet {
    return this.combine(other, (a, b) => a.subtract(b));
  }

  equals(other: ConnectionSet): boolean {
    return PROTOCOLS.every((p) => this.byProtocol[p].equals(other.byProtocol[p]));
  }

  private combine(other: ConnectionSet, op: (a: PortSet, b: PortSet) => PortSet): ConnectionSet {
    return new ConnectionSet({
      SCTP: op(this.byProtocol.SCTP, other.byProtocol.SCTP),
      TCP: op(this.byProtocol.TCP, other.byProtocol.TCP),
      UDP: op(this.byProtocol.UDP, other.byProtocol.UDP),
    });
  }

  /**
   * The connectivity-list notation: `All Connections`, `No Connections`, or protocols sorted with
   * their ports, e.g. `TCP 80,443,UDP 53`.
   */
  toString(): string {
    if (this.isAll) return 'All Connections';
    if (this.isEmpty) return 'No Connections';
    return PROTOCOLS.filter((p) => !this.byProtocol[p].isEmpty)
      .map((p) => `${p} ${this.byProtocol[p].toString()}`)
      .join(',');
  }

  /**
   * Parses the notation printed by {@link ConnectionSet.toString}; `undefined` when malformed.
   *
   * @example ConnectionSet.parse('TCP 80,443,UDP 53')?.has('UDP', 53) // true
   */
  static parse(text: string): ConnectionSet | undefined {
    const trimmed = text.trim();
    if (trimmed === 'All Connections') return ConnectionSet.ALL;
    if (trimmed === 'No Connections' || trimmed === '') return ConnectionSet.NONE;
    let result = ConnectionSet.NONE;
    let protocol: Protocol | undefined;
    for (const token of trimmed.split(',')) {
      let part = token.trim();
      const space = part.indexOf(' ');
      if (space > 0) {
        const name = part.slice(0, space);
        if (!isProtocol(name)) return undefined;
        protocol = name;
        part = part.slice(space + 1).trim();
      }
      const m = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!protocol || !m) return undefined;
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      if (from < MIN_PORT || to > MAX_PORT || from > to) return undefined;
      result = result.with(protocol, result.ports(protocol).union(PortSet.range(from, to)));
    }
    return result;
  }
}
