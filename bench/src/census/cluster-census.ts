import { externalAtoms, policyCidrRanges, type Endpoint, type Inventory } from '@fenceline/netpol';
import { ClassReachability } from './class-reachability';
import { podClasses, type PodClass } from './pod-classes';

/** What a generated cluster looks like to a class-based model, and how much it allows. */
export interface ClusterCensus {
  readonly pods: number;
  /** Classes with at least one pod. */
  readonly classes: number;
  readonly podsPerClass: number;
  readonly workloads: number;
  /** Allowed workload-to-workload rows of the connlist. */
  readonly workloadPairs: number;
  /** Allowed rows between a workload and an external range (either direction). */
  readonly externalRows: number;
}

/**
 * Counts classes and allowed pairs without the pods² walk of the reference: one representative
 * per class, candidate peers found from the rules' selectors, each candidate decided with the
 * engine's own rule matching. Independent of the model under benchmark, and checked against the
 * reference connlist on small clusters.
 *
 * @example takeCensus(buildInventory(snapshotToObjects(snapshot))).workloadPairs
 */
export function takeCensus(inventory: Inventory): ClusterCensus {
  const classes = podClasses(inventory);
  const reach = new ClassReachability(inventory, classes);
  const counter = new PairCounter(classes);
  const stamp = new Int32Array(classes.length).fill(-1);
  for (const a of classes) {
    for (const b of reach.candidateDestinations(a)) {
      if (stamp[b.index] === a.index) continue;
      stamp[b.index] = a.index;
      const conn = reach.connections(endpoint(a), endpoint(b));
      if (!conn.isEmpty) counter.addPair(a, b);
    }
  }
  const atoms = externalAtoms(policyCidrRanges(inventory.policies));
  for (const c of classes) {
    const pod = endpoint(c);
    for (const atom of atoms) {
      const external: Endpoint = {
        kind: 'external',
        ip: { family: atom.family, value: atom.first },
      };
      const name = `${atom.family}:${atom.first}`;
      if (!reach.connections(pod, external).isEmpty) counter.addExternal(c, `>${name}`);
      if (!reach.connections(external, pod).isEmpty) counter.addExternal(c, `<${name}`);
    }
  }
  const workloads = new Set(classes.flatMap((c) => [...c.workloads])).size;
  return {
    pods: inventory.pods.length,
    classes: classes.length,
    podsPerClass: classes.length ? inventory.pods.length / classes.length : 0,
    workloads,
    workloadPairs: counter.pairs,
    externalRows: counter.externalRows,
  };
}

function endpoint(c: PodClass): Endpoint {
  return { kind: 'pod', pod: c.representative };
}

/**
 * Rows are per workload pair. When every workload sits in one class (what the generator makes),
 * a class pair stands for |A|×|B| rows; otherwise rows are collected by name so none counts twice.
 */
class PairCounter {
  private readonly exact: boolean;
  private readonly pairSet = new Set<string>();
  private readonly externalSet = new Set<string>();
  private pairCount = 0;
  private externalCount = 0;

  constructor(classes: readonly PodClass[]) {
    const seen = new Set<string>();
    this.exact = classes.every((c) => [...c.workloads].every((w) => !seen.has(w) && seen.add(w)));
  }

  get pairs(): number {
    return this.exact ? this.pairCount : this.pairSet.size;
  }

  get externalRows(): number {
    return this.exact ? this.externalCount : this.externalSet.size;
  }

  addPair(a: PodClass, b: PodClass): void {
    if (this.exact) {
      const n = a.workloads.size;
      this.pairCount += a === b ? n * (n - 1) : n * b.workloads.size;
      return;
    }
    for (const src of a.workloads)
      for (const dst of b.workloads) if (src !== dst) this.pairSet.add(`${src}\u0000${dst}`);
  }

  addExternal(c: PodClass, atom: string): void {
    if (this.exact) this.externalCount += c.workloads.size;
    else for (const w of c.workloads) this.externalSet.add(`${w}\u0000${atom}`);
  }
}
