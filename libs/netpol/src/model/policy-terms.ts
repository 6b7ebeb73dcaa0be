import type { IpRange } from '../cidr/ip-set';
import type { IpBlockPeer, NetworkPolicy, PolicyPort, PolicyRule } from '../policy/network-policy';
import { newBits, orInto, setBit, type Bits } from './bitset';
import { ClassSet } from './class-set';
import type { PodClasses } from './pod-classes';
import type { PortAtoms } from './port-atoms';
import type { SelectorIndex } from './selector-index';

/**
 * One rule of one policy, compiled: the classes and external atoms it admits as peers, and its
 * ports as atoms (named ports stay names: they resolve on each destination class).
 */
export interface Term {
  readonly policy: number;
  readonly rule: number;
  readonly peers: ClassSet;
  /** External IP atoms admitted; `undefined` means every address (no `from`/`to`). */
  readonly ext: Bits | undefined;
  readonly allPorts: boolean;
  readonly numeric: Bits;
  readonly named: readonly string[];
}

export interface CompiledPolicy {
  readonly ingress: readonly Term[];
  readonly egress: readonly Term[];
}

/**
 * Compiles rules to terms. Identical port lists and ipBlock lists (real clusters repeat them
 * across thousands of policies) compile once and are shared.
 */
export class PolicyCompiler {
  private readonly ports = new Map<string, { numeric: Bits; named: readonly string[] }>();
  private readonly ext = new Map<string, { ext: Bits; inside: readonly number[] }>();
  private readonly all: ClassSet;

  constructor(
    private readonly selectors: SelectorIndex,
    private readonly pc: PodClasses,
    private readonly atoms: PortAtoms,
    private readonly ipAtoms: readonly IpRange[],
    private readonly ipBlockMatchesPods: boolean,
  ) {
    this.all = ClassSet.all(selectors.universe);
  }

  compile(policy: NetworkPolicy, index: number): CompiledPolicy {
    const ingress: Term[] = [];
    const egress: Term[] = [];
    for (const rule of policy.ingress) ingress.push(this.rule(policy, index, rule));
    for (const rule of policy.egress) egress.push(this.rule(policy, index, rule));
    return { ingress, egress };
  }

  private rule(policy: NetworkPolicy, index: number, rule: PolicyRule): Term {
    const { numeric, named } = this.rulePorts(rule);
    const allPorts = rule.ports.length === 0;
    if (rule.peers === undefined)
      return {
        policy: index,
        rule: rule.index,
        peers: this.all,
        ext: undefined,
        allPorts,
        numeric,
        named,
      };
    const sets: ClassSet[] = [];
    let blocks: IpBlockPeer[] | undefined;
    for (const peer of rule.peers) {
      if (peer.kind === 'selector') sets.push(this.selectors.peerClasses(policy.namespace, peer));
      else (blocks ??= []).push(peer);
    }
    const { ext, inside } = this.blockAtoms(blocks ?? []);
    if (this.ipBlockMatchesPods && inside.length > 0) {
      const atomSet = new Set(inside);
      const ids = this.pc.classes.filter((c) => atomSet.has(c.ipAtom)).map((c) => c.id);
      sets.push(ClassSet.of(ids, this.selectors.universe));
    }
    const peers = ClassSet.union(sets, this.selectors.universe);
    return { policy: index, rule: rule.index, peers, ext, allPorts, numeric, named };
  }

  private rulePorts(rule: PolicyRule): { numeric: Bits; named: readonly string[] } {
    const key =
      rule.portsKey ?? rule.ports.map((p) => `${p.protocol}/${p.port}/${p.endPort}`).join(',');
    return this.portsOf(key, rule.ports);
  }

  /** Ports as atoms (named ports kept as `name/protocol`), compiled once per distinct list. */
  portsOf(key: string, ports: readonly PolicyPort[]): { numeric: Bits; named: readonly string[] } {
    let hit = this.ports.get(key);
    if (!hit) {
      const numeric = this.atoms.empty();
      const named: string[] = [];
      for (const port of ports) {
        if (port.port === undefined) orInto(numeric, this.atoms.protocol(port.protocol));
        else if (typeof port.port === 'number')
          this.atoms.addRange(numeric, port.protocol, port.port, port.endPort ?? port.port);
        else named.push(`${port.port}/${port.protocol}`);
      }
      this.ports.set(key, (hit = { numeric, named }));
    }
    return hit;
  }

  /** The external atoms inside any of the blocks (an empty set for no blocks). */
  private blockAtoms(blocks: readonly IpBlockPeer[]): { ext: Bits; inside: readonly number[] } {
    const key =
      blocks.length === 1 ? (blocks[0] as IpBlockPeer).text : blocks.map((b) => b.text).join(',');
    let hit = this.ext.get(key);
    if (!hit) {
      const ext = newBits(this.ipAtoms.length);
      const inside: number[] = [];
      this.ipAtoms.forEach((atom, i) => {
        // Atoms are cut at every CIDR and except boundary: each lies wholly in or out of a block.
        if (blocks.some((b) => b.addresses.contains(atom.family, atom.first))) {
          setBit(ext, i);
          inside.push(i);
        }
      });
      this.ext.set(key, (hit = { ext, inside }));
    }
    return hit;
  }
}
