import type { Inventory } from '../inventory/inventory';
import type { SelectorPeer } from '../policy/network-policy';
import { namespaceLabels } from '../reference/traffic';
import {
  canonicalSelectorKey,
  isMatchAll,
  matchesLabels,
  type LabelSelector,
} from '../selector/label-selector';
import { ClassSet } from './class-set';
import type { PodClasses } from './pod-classes';

/**
 * Evaluates selectors over pod classes and namespaces, each distinct (namespace, selector) once:
 * real clusters repeat the same selectors across many policies.
 */
export class SelectorIndex {
  /** namespace → selector key → classes. */
  private readonly inNamespace = new Map<string, Map<string, ClassSet>>();
  private readonly namespaces = new Map<string, string[]>();
  private readonly peers = new Map<string, ClassSet>();
  private readonly allNamespaces: readonly string[];
  /** label key → value → namespaces carrying it: answers `In`/`Exists` without a full scan. */
  private readonly namespacesByLabel = new Map<string, Map<string, string[]>>();
  readonly universe: number;

  constructor(
    private readonly inventory: Inventory,
    private readonly pc: PodClasses,
  ) {
    this.universe = pc.classes.length;
    this.allNamespaces = [
      ...pc.namespaceRanges.keys(),
      ...[...inventory.namespaces.keys()].filter((n) => !pc.namespaceRanges.has(n)),
    ];
    for (const name of this.allNamespaces) {
      for (const [key, value] of Object.entries(namespaceLabels(inventory, name))) {
        let byValue = this.namespacesByLabel.get(key);
        if (!byValue) this.namespacesByLabel.set(key, (byValue = new Map()));
        const list = byValue.get(value);
        if (list) list.push(name);
        else byValue.set(value, [name]);
      }
    }
  }

  /** Classes of one namespace whose labels match (`undefined` selector: every class there). */
  classesIn(namespace: string, selector: LabelSelector | undefined): ClassSet {
    const key = selector ? selectorKey(selector) : '*';
    let bySelector = this.inNamespace.get(namespace);
    if (!bySelector) this.inNamespace.set(namespace, (bySelector = new Map()));
    let set = bySelector.get(key);
    if (!set) {
      const range = this.pc.namespaceRanges.get(namespace);
      const ids: number[] = [];
      if (range) {
        for (let id = range[0]; id < range[1]; id++) {
          const cls = this.pc.classes[id];
          if (cls && (!selector || matchesLabels(selector, cls.labels))) ids.push(id);
        }
      }
      set = ClassSet.fromSorted(ids, this.universe);
      bySelector.set(key, set);
    }
    return set;
  }

  /** Names of the namespaces (defined, referenced, or holding pods) the selector matches. */
  namespacesMatching(selector: LabelSelector): readonly string[] {
    const key = selectorKey(selector);
    let names = this.namespaces.get(key);
    if (!names) {
      names = this.namespaceCandidates(selector).filter((n) =>
        matchesLabels(selector, namespaceLabels(this.inventory, n)),
      );
      this.namespaces.set(key, names);
    }
    return names;
  }

  /** A superset of the namespaces a selector can match, from the most selective In/Exists requirement. */
  private namespaceCandidates(selector: LabelSelector): readonly string[] {
    let bestSize = this.allNamespaces.length;
    let best: (() => readonly string[]) | undefined;
    for (const req of selector.requirements) {
      if (req.operator !== 'In' && req.operator !== 'Exists') continue;
      const byValue = this.namespacesByLabel.get(req.key);
      if (!byValue) return [];
      const lists =
        req.operator === 'In' ? req.values.map((v) => byValue.get(v) ?? []) : [...byValue.values()];
      const size = lists.reduce((n, l) => n + l.length, 0);
      if (size < bestSize) {
        bestSize = size;
        best = () => lists.flat();
      }
    }
    return best ? best() : this.allNamespaces;
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
          : ClassSet.union(
              namespaces.map((n) => this.classesIn(n, pod)),
              this.universe,
            );
      this.peers.set(key, set);
    }
    return set;
  }
}

const selectorKeys = new WeakMap<LabelSelector, string>();

/** The canonical text of a selector: the parser's, or computed once per selector object. */
export function selectorKey(selector: LabelSelector): string {
  if (selector.key !== undefined) return selector.key;
  let key = selectorKeys.get(selector);
  if (key === undefined) {
    key = canonicalSelectorKey(selector.requirements);
    selectorKeys.set(selector, key);
  }
  return key;
}
