import type { IpRange } from '../cidr/ip-set';
import type { IpBlockPeer, NetworkPolicy, PolicyRule } from '../policy/network-policy';
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
 * Shares what identical rules compile to (real clusters repeat the same ports and CIDRs across
 * thousands of policies): port bitsets by port list, IP-atom bitsets by ipBlock list.
 */
export class TermCache {
  readonly ports = new Map<string, { numeric: Bits; named: readonly string[] }>();
  readonly ext = new Map<string, { ext: Bits; inside: readonly number[] }>();
}

/** The (shared) empty IP-atom set of rules without ipBlock peers. */
function NO_BLOCKS(size: number, cache: TermCache): { ext: Bits; inside: readonly number[] } {
  let hit = cache.ext.get('');
  if (!hit) cache.ext.set('', (hit = { ext: newBits(size), inside: [] }));
  return hit;
}

export function compilePolicy(
  policy: NetworkPolicy,
  index: number,
  selectors: SelectorIndex,
  pc: PodClasses,
  atoms: PortAtoms,
  ipAtoms: readonly IpRange[],
  ipBlockMatchesPods: boolean,
  cache: TermCache,
): CompiledPolicy {
  const compilePorts = (rule: PolicyRule): { numeric: Bits; named: readonly string[] } => {
    const key = rule.portsKey ?? rule.ports.map((p) => `${p.protocol}/${p.port}/${p.endPort}`).join(',');
    let hit = cache.ports.get(key);
    if (!hit) {
      const numeric = atoms.empty();
      const named: string[] = [];
      for (const port of rule.ports) {
        if (port.port === undefined) orInto(numeric, atoms.protocol(port.protocol));
        else if (typeof port.port === 'number') atoms.addRange(numeric, port.protocol, port.port, port.endPort ?? port.port);
        else named.push(`${port.port}/${port.protocol}`);
      }
      cache.ports.set(key, (hit = { numeric, named }));
    }
    return hit;
  };
  const compileExt = (blocks: readonly IpBlockPeer[]): { ext: Bits; inside: readonly number[] } => {
    const key = blocks.map((b) => b.text).join(',');
    let hit = cache.ext.get(key);
    if (!hit) {
      const ext = newBits(ipAtoms.length);
      const inside: number[] = [];
      ipAtoms.forEach((atom, i) => {
        // Atoms are cut at every CIDR and except boundary: each lies wholly in or out of a block.
        if (blocks.some((b) => b.addresses.contains(atom.family, atom.first))) {
          setBit(ext, i);
          inside.push(i);
        }
      });
      cache.ext.set(key, (hit = { ext, inside }));
    }
    return hit;
  };
  const compile = (rule: PolicyRule): Term => {
    const { numeric, named } = compilePorts(rule);
    const term = (peers: ClassSet, ext: Bits | undefined): Term => ({
      policy: index,
      rule: rule.index,
      peers,
      ext,
      allPorts: rule.ports.length === 0,
      numeric,
      named,
    });
    if (rule.peers === undefined) return term(ClassSet.all(selectors.universe), undefined);
    const sets: ClassSet[] = [];
    const blocks: IpBlockPeer[] = [];
    for (const peer of rule.peers) {
      if (peer.kind === 'selector') sets.push(selectors.peerClasses(policy.namespace, peer));
      else blocks.push(peer);
    }
    const { ext, inside } = blocks.length === 0 ? NO_BLOCKS(ipAtoms.length, cache) : compileExt(blocks);
    if (ipBlockMatchesPods && inside.length > 0) {
      const atomSet = new Set(inside);
      sets.push(ClassSet.of(pc.classes.filter((c) => atomSet.has(c.ipAtom)).map((c) => c.id), selectors.universe));
    }
    return term(ClassSet.union(sets, selectors.universe), ext);
  };
  return { ingress: policy.ingress.map(compile), egress: policy.egress.map(compile) };
}
