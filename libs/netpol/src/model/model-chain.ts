import type { IpRange } from '../cidr/ip-set';
import type { Inventory, Pod } from '../inventory/inventory';
import type { Direction } from '../policy/network-policy';
import { PROTOCOLS } from '../ports/protocol';
import { ConnectionSet } from '../ports/connection-set';
import { allowedConnections } from '../reference/allowed-connections';
import type { Endpoint, EvaluationOptions } from '../reference/traffic';
import { isEmptyBits, type Bits } from './bitset';
import type { PodClasses } from './pod-classes';
import type { PortAtoms } from './port-atoms';

/**
 * Pair answers of a model whose inventory a CNI's ordered chain decides: each class pair (or
 * class and address atom) is decided once by the reference evaluator on representatives. Every
 * pod of a class, and every address of an atom, is alike to every selector, CIDR and named port
 * the chain reads (the vocabulary includes the CNI's keys, CIDRs, ports and service accounts),
 * so the representative's answer is the class's.
 */
export class ChainPairs {
  constructor(
    private readonly inventory: Inventory,
    private readonly pc: PodClasses,
    private readonly ipAtoms: readonly IpRange[],
    private readonly portAtoms: PortAtoms,
    private readonly options: EvaluationOptions,
  ) {}

  pairInto(out: Bits, s: number, d: number): boolean {
    return this.into(out, this.pod(s), this.pod(d));
  }

  fromExternalInto(out: Bits, e: number, d: number): boolean {
    return this.into(out, this.address(e), this.pod(d));
  }

  toExternalInto(out: Bits, s: number, e: number): boolean {
    return this.into(out, this.pod(s), this.address(e));
  }

  /**
   * Whether a class's direction is default deny under the chain: a peer no policy names (an
   * address in no named range, or from one) gets nothing.
   */
  isDefaultDeny(pod: Pod, direction: Direction): boolean {
    const stranger = this.address(-1);
    const cs =
      direction === 'ingress'
        ? allowedConnections(this.inventory, stranger, { kind: 'pod', pod }, this.options)
        : allowedConnections(this.inventory, { kind: 'pod', pod }, stranger, this.options);
    return cs.isEmpty;
  }

  private into(out: Bits, src: Endpoint, dst: Endpoint): boolean {
    out.fill(0);
    const cs: ConnectionSet = allowedConnections(this.inventory, src, dst, this.options);
    for (const protocol of PROTOCOLS)
      for (const [from, to] of cs.ports(protocol).ranges)
        this.portAtoms.addRange(out, protocol, from, to);
    return !isEmptyBits(out);
  }

  private pod(c: number): Endpoint {
    return { kind: 'pod', pod: this.pc.classes[c]?.pods[0] as Pod };
  }

  /** An address of atom `e`; for -1 (no atom of its family), an IPv6 address. */
  private address(e: number): Endpoint {
    const atom = this.ipAtoms[e];
    return atom
      ? { kind: 'external', ip: { family: atom.family, value: atom.first } }
      : { kind: 'external', ip: { family: 6, value: 1n } };
  }
}
