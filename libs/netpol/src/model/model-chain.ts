import type { IpRange } from '../cidr/ip-set';
import type { ChainRule, ChainTier, PolicyChain } from '../chain/policy-chain';
import { compareChainPolicies } from '../chain/policy-chain';
import type { Pod } from '../inventory/inventory';
import type { Direction } from '../policy/network-policy';
import { PROTOCOLS } from '../ports/protocol';
import type { ConnectionSet } from '../ports/connection-set';
import type { Endpoint } from '../reference/traffic';
import { isEmptyBits, orInto, type Bits } from './bitset';
import type { PodClasses } from './pod-classes';
import type { PortAtoms } from './port-atoms';

/** A rule compiled over the model's endpoints: which ends it matches, its ports as atoms. */
interface CompiledRule {
  readonly action: ChainRule['action'];
  /** Per endpoint index (classes, then address atoms, then the stray address): 1 when matched. */
  readonly source: Uint8Array;
  readonly destination: Uint8Array;
  readonly rule: ChainRule;
  /** The ports when they do not depend on the destination. */
  readonly fixedPorts: Bits | undefined;
  /** Named-port rules: the ports towards each destination endpoint, computed on first use. */
  readonly portsByDestination: Map<number, Bits>;
}

/** The tiers one class goes through in one direction: per applying tier, its rules in order. */
interface ClassChain {
  readonly tiers: readonly {
    readonly defaultPass: boolean;
    readonly rules: readonly CompiledRule[];
  }[];
}

/**
 * The fast model of an inventory a CNI's ordered chain decides: every rule's source and
 * destination criteria are decided once per pod class and address atom (every pod of a class
 * and every address of an atom is alike to every selector, CIDR and named port the chain reads:
 * the vocabulary includes the CNI's keys, CIDRs, ports and service accounts), each class's
 * applying tiers and policies are laid out once per direction, and a pair is then the chain
 * walk of {@link chainDirection} over port-atom bitsets.
 */
export class ChainModel {
  private readonly endpoints: Endpoint[];
  private readonly chains: Record<Direction, ClassChain[]>;
  private readonly pending: Bits;
  private readonly left: Bits;
  private readonly passed: Bits;
  private readonly m: Bits;
  private readonly allowed: Bits;

  constructor(
    chain: PolicyChain,
    private readonly pc: PodClasses,
    private readonly ipAtoms: readonly IpRange[],
    private readonly portAtoms: PortAtoms,
  ) {
    const classes = pc.classes.map((c): Endpoint => ({ kind: 'pod', pod: c.pods[0] as Pod }));
    const atoms = ipAtoms.map((a): Endpoint => ({
      kind: 'external',
      ip: { family: a.family, value: a.first },
    }));
    this.endpoints = [...classes, ...atoms, STRAY];
    const compiled = new Map<ChainRule, CompiledRule>();
    const compile = (rule: ChainRule): CompiledRule => {
      let c = compiled.get(rule);
      if (!c) {
        c = {
          action: rule.action,
          source: Uint8Array.from(this.endpoints, (e) => (rule.matchesSource(e) ? 1 : 0)),
          destination: Uint8Array.from(this.endpoints, (e) => (rule.matchesDestination(e) ? 1 : 0)),
          rule,
          fixedPorts: rule.namedPorts ? undefined : this.bits(rule.connections(STRAY)),
          portsByDestination: new Map(),
        };
        compiled.set(rule, c);
      }
      return c;
    };
    const layout = (direction: Direction): ClassChain[] => {
      const shared = new Map<string, ClassChain>();
      return pc.classes.map((cls) => {
        const pod = cls.pods[0] as Pod;
        const applying = chain.tiers.map((tier) => ({
          tier,
          policies: chain.policies
            .filter((p) => p.tier === tier.name && p.applies(pod, direction))
            .sort(compareChainPolicies),
        }));
        const key = applying.map((a) => a.policies.map((p) => p.label).join(',')).join('|');
        let laid = shared.get(key);
        if (!laid) {
          laid = {
            tiers: applying
              .filter((a) => a.policies.length > 0)
              .map((a) => ({
                defaultPass: (a.tier as ChainTier).defaultAction === 'Pass',
                rules: a.policies.flatMap((p) => p[direction].map(compile)),
              })),
          };
          shared.set(key, laid);
        }
        return laid;
      });
    };
    this.chains = { ingress: layout('ingress'), egress: layout('egress') };
    this.pending = portAtoms.empty();
    this.left = portAtoms.empty();
    this.passed = portAtoms.empty();
    this.m = portAtoms.empty();
    this.allowed = portAtoms.empty();
  }

  /** Connections from class `s` to class `d` into `out`. */
  pairInto(out: Bits, s: number, d: number): boolean {
    return this.both(out, s, d, this.chains.egress[s], this.chains.ingress[d]);
  }

  /** From address atom `e` (-1: an address in no atom) into class `d`. */
  fromExternalInto(out: Bits, e: number, d: number): boolean {
    return this.both(out, this.atom(e), d, undefined, this.chains.ingress[d]);
  }

  /** From class `s` to address atom `e`. */
  toExternalInto(out: Bits, s: number, e: number): boolean {
    return this.both(out, s, this.atom(e), this.chains.egress[s], undefined);
  }

  /**
   * Whether a class's direction is default deny: a peer no policy names (an address in no
   * named range) gets nothing.
   */
  isDefaultDeny(c: number, direction: Direction): boolean {
    const out = this.portAtoms.empty();
    const stray = this.endpoints.length - 1;
    return direction === 'ingress'
      ? !this.both(out, stray, c, undefined, this.chains.ingress[c])
      : !this.both(out, c, stray, this.chains.egress[c], undefined);
  }

  private atom(e: number): number {
    return e >= 0 && e < this.ipAtoms.length
      ? this.pc.classes.length + e
      : this.endpoints.length - 1;
  }

  private both(
    out: Bits,
    src: number,
    dst: number,
    egress: ClassChain | undefined,
    ingress: ClassChain | undefined,
  ): boolean {
    out.set(this.portAtoms.all);
    if (egress) this.walk(out, egress, src, dst);
    if (isEmptyBits(out)) return false;
    if (ingress) this.walk(out, ingress, src, dst);
    return !isEmptyBits(out);
  }

  /** ANDs into `out` what the chain allows from `src` to `dst` (the walk of chainDirection). */
  private walk(out: Bits, chain: ClassChain, src: number, dst: number): void {
    const { pending, left, passed, m, allowed } = this;
    const W = out.length;
    pending.set(this.portAtoms.all);
    allowed.fill(0);
    for (const tier of chain.tiers) {
      if (isEmptyBits(pending)) break;
      left.set(pending);
      passed.fill(0);
      for (const r of tier.rules) {
        if (r.action === 'Log' || r.source[src] === 0 || r.destination[dst] === 0) continue;
        const ports = r.fixedPorts ?? this.portsTowards(r, dst);
        let any = 0;
        for (let i = 0; i < W; i++) any |= m[i] = (ports[i] as number) & (left[i] as number);
        if (any === 0) continue;
        if (r.action === 'Allow') orInto(allowed, m);
        else if (r.action === 'Pass') orInto(passed, m);
        for (let i = 0; i < W; i++) left[i] = (left[i] as number) & ~(m[i] as number);
        if (isEmptyBits(left)) break;
      }
      pending.set(passed);
      if (tier.defaultPass) orInto(pending, left);
    }
    orInto(allowed, pending);
    for (let i = 0; i < W; i++) out[i] = (out[i] as number) & (allowed[i] as number);
  }

  private portsTowards(r: CompiledRule, dst: number): Bits {
    let bits = r.portsByDestination.get(dst);
    if (!bits) {
      bits = this.bits(r.rule.connections(this.endpoints[dst] as Endpoint));
      r.portsByDestination.set(dst, bits);
    }
    return bits;
  }

  private bits(cs: ConnectionSet): Bits {
    const out = this.portAtoms.empty();
    for (const protocol of PROTOCOLS)
      for (const [from, to] of cs.ports(protocol).ranges)
        this.portAtoms.addRange(out, protocol, from, to);
    return out;
  }
}

/** An address in no atom of the model (IPv4 atoms cover all of IPv4: an IPv6 address). */
const STRAY: Endpoint = { kind: 'external', ip: { family: 6, value: 1n } };
