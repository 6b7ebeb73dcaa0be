import type { IpRange } from '../cidr/ip-set';
import type { NetworkPolicy, PolicyRule } from '../policy/network-policy';
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

export function compilePolicy(
  policy: NetworkPolicy,
  index: number,
  selectors: SelectorIndex,
  pc: PodClasses,
  atoms: PortAtoms,
  ipAtoms: readonly IpRange[],
  ipBlockMatchesPods: boolean,
): CompiledPolicy {
  const compile = (rule: PolicyRule): Term => {
    const numeric = atoms.empty();
    const named: string[] = [];
    for (const port of rule.ports) {
      if (port.port === undefined) orInto(numeric, atoms.protocol(port.protocol));
      else if (typeof port.port === 'number') atoms.addRange(numeric, port.protocol, port.port, port.endPort ?? port.port);
      else named.push(`${port.port}/${port.protocol}`);
    }
    const base = { policy: index, rule: rule.index, allPorts: rule.ports.length === 0, numeric, named };
    if (rule.peers === undefined) return { ...base, peers: ClassSet.all(selectors.universe), ext: undefined };
    const sets: ClassSet[] = [];
    const ext = newBits(ipAtoms.length);
    for (const peer of rule.peers) {
      if (peer.kind === 'selector') {
        sets.push(selectors.peerClasses(policy.namespace, peer));
        continue;
      }
      const inside: number[] = [];
      ipAtoms.forEach((atom, i) => {
        // Atoms are cut at every CIDR and except boundary: each lies wholly in or out of a block.
        if (peer.addresses.contains(atom.family, atom.first)) {
          setBit(ext, i);
          inside.push(i);
        }
      });
      if (ipBlockMatchesPods && inside.length > 0) {
        const atomSet = new Set(inside);
        sets.push(ClassSet.of(pc.classes.filter((c) => atomSet.has(c.ipAtom)).map((c) => c.id), selectors.universe));
      }
    }
    return { ...base, peers: ClassSet.union(sets, selectors.universe), ext };
  };
  return { ingress: policy.ingress.map(compile), egress: policy.egress.map(compile) };
}
