import { INGRESS_CONTROLLER_PEER, workloadName, type Inventory, type Pod } from '@fenceline/netpol';
import type { CompiledBaseline } from '../baseline/compile-baseline';
import { isSensitivePod } from '../scope/scope';
import { isExternalName } from './external-range';

/**
 * The peers of connectivity rows (workload names, external ranges, the ingress controller)
 * resolved against one inventory: the pods of a workload, its namespace, its row group.
 */
export class PeerIndex {
  private readonly byWorkload = new Map<string, Pod[]>();

  constructor(readonly inventory: Inventory) {
    for (const pod of inventory.pods) {
      const name = workloadName(pod.workload);
      const list = this.byWorkload.get(name);
      if (list) list.push(pod);
      else this.byWorkload.set(name, [pod]);
    }
  }

  /** Pods of a workload (empty for an external range or the ingress controller). */
  podsOf(name: string): readonly Pod[] {
    return this.byWorkload.get(name) ?? [];
  }

  /** Every workload name with its pods. */
  workloads(): IterableIterator<[string, readonly Pod[]]> {
    return this.byWorkload.entries();
  }

  /** Namespace of a workload; undefined for an external range or the ingress controller. */
  namespaceOf(name: string): string | undefined {
    return this.byWorkload.get(name)?.[0]?.namespace ?? namespaceOfName(name);
  }

  /** What rows are grouped by: the namespace, `External`, or `{ingress-controller}`. */
  groupOf(name: string): string {
    if (isExternalName(name)) return 'External';
    return this.namespaceOf(name) ?? name;
  }
}

/** A workload name is `namespace/name[Kind]`; a namespace never contains `/`. */
function namespaceOfName(name: string): string | undefined {
  if (name === INGRESS_CONTROLLER_PEER || isExternalName(name)) return undefined;
  const slash = name.indexOf('/');
  return slash > 0 ? name.slice(0, slash) : undefined;
}

/** What connectivity findings need to know about the baseline and the cluster. */
export interface RowScope {
  readonly baseline: CompiledBaseline;
  readonly inScope: ReadonlySet<string>;
  readonly index: PeerIndex;
}

/**
 * Rows that touch an in-scope namespace, grouped by `source group → destination group`
 * (`shop → payments`, `External → shop`), groups in name order.
 */
export function groupRows<T extends { readonly src: string; readonly dst: string }>(
  scope: RowScope,
  rows: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const srcNs = scope.index.namespaceOf(row.src);
    const dstNs = scope.index.namespaceOf(row.dst);
    const touches =
      (srcNs !== undefined && scope.inScope.has(srcNs)) ||
      (dstNs !== undefined && scope.inScope.has(dstNs));
    if (!touches) continue;
    const subject = `${scope.index.groupOf(row.src)} → ${scope.index.groupOf(row.dst)}`;
    const list = groups.get(subject);
    if (list) list.push(row);
    else groups.set(subject, [row]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether some pod of a destination workload is sensitive (memoised per workload). */
export function sensitiveDestinations(scope: RowScope): (dst: string) => boolean {
  const cache = new Map<string, boolean>();
  return (dst) => {
    let hit = cache.get(dst);
    if (hit === undefined) {
      hit = scope.index
        .podsOf(dst)
        .some((pod) => isSensitivePod(scope.baseline, scope.index.inventory, pod));
      cache.set(dst, hit);
    }
    return hit;
  };
}
