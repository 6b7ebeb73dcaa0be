import type { Inventory } from '../inventory/inventory';
import type { SelectorPeer } from '../policy/network-policy';
import { namespaceLabels } from '../reference/traffic';
import { isMatchAll, matchesLabels, type LabelSelector } from '../selector/label-selector';
import { ClassSet } from './class-set';
import type { PodClasses } from './pod-classes';

/**
 * Evaluates selectors over pod classes and namespaces, each distinct (namespace, selector) once:
 * real clusters repeat the same selectors across many policies.
 */
export class SelectorIndex {
  private readonly inNamespace = new Map<string, ClassSet>();
  private readonly namespaces = new Map<string, string[]>();
  private readonly peers = new Map<string, ClassSet>();
  private readonly allNamespaces: readonly string[];
  readonly universe: number;

  constructor(
    private readonly inventory: Inventory,
    private readonly pc: PodClasses,
  ) {
    this.universe = pc.classes.length;
    this.allNamespaces = [...pc.namespaceRanges.keys(), ...[...inventory.namespaces.keys()].filter((n) => !pc.namespaceRanges.has(n))];
  }

  /** Classes of one namespace whose labels match (`undefined` selector: every class there). */
  classesIn(namespace: string, selector: LabelSelector | undefined): ClassSet {
    const key = `${namespace}\u0000${selector ? selectorKey(selector) : '*'}`;
    let set = this.inNamespace.get(key);
    if (!set) {
      const range = this.pc.namespaceRanges.get(namespace);
      const ids: number[] = [];
      if (range) {
        for (let id = range[0]; id < range[1]; id++) {
          const cls = this.pc.classes[id];
          if (cls && (!selector || matchesLabels(selector, cls.labels))) ids.push(id);
        }
      }
      set = ClassSet.of(ids, this.universe);
      this.inNamespace.set(key, set);
    }
    return set;
  }

  /** Names of the namespaces (defined, referenced, or holding pods) the selector matches. */
  namespacesMatching(selector: LabelSelector): readonly string[] {
    const key = selectorKey(selector);
    let names = this.namespaces.get(key);
    if (!names) {
      names = this.allNamespaces.filter((n) => matchesLabels(selector, namespaceLabels(this.inventory, n)));
      this.namespaces.set(key, names);
    }
    return names;
  }

  /** The classes a selector peer of a policy in `policyNamespace` admits. */
  peerClasses(policyNamespace: string, peer: SelectorPeer): ClassSet {
    const pod = peer.podSelector && !isMatchAll(peer.podSelector) ? peer.podSelector : undefined;
    if (!peer.namespaceSelector) return this.classesIn(policyNamespace, pod);
    const key = `${selectorKey(peer.namespaceSelector)}\u0000${pod ? selectorKey(pod) : '*'}`;
    let set = this.peers.get(key);
    if (!set) {
      const namespaces = this.namespacesMatching(peer.namespaceSelector);
      set =
        !pod && namespaces.length === this.allNamespaces.length
          ? ClassSet.all(this.universe)
          : ClassSet.union(namespaces.map((n) => this.classesIn(n, pod)), this.universe);
      this.peers.set(key, set);
    }
    return set;
  }
}

/** A canonical text of a selector: requirements and values sorted. */
export function selectorKey(selector: LabelSelector): string {
  return selector.requirements
    .map((r) => `${r.key}\u0002${r.operator}\u0002${[...r.values].sort().join('\u0002')}`)
    .sort()
    .join('\u0003');
}
