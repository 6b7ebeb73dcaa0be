import type { IpRange } from '../cidr/ip-set';
import type { Inventory, Pod } from '../inventory/inventory';
import { ConnectionSet } from '../ports/connection-set';
import { allowedConnections } from '../reference/allowed-connections';
import { DEFAULT_OPTIONS, type Endpoint, type EvaluationOptions } from '../reference/traffic';
import { externalAtoms, inventoryCidrRanges } from './external-atoms';
import { ingressControllerConnections } from './ingress-controller';
import { externalName, workloadName } from './peer-names';

/** One line of a connectivity list: `src` may open `conn` to `dst`. */
export interface ConnlistRow {
  readonly src: string;
  readonly dst: string;
  readonly conn: ConnectionSet;
}

export interface ConnlistOptions extends EvaluationOptions {
  /** Extra ranges to cut external space at (a diff cuts both sides at the union of their CIDRs). */
  readonly extraCidrs?: readonly IpRange[];
}

/**
 * All allowed connections between workloads (pods folded into their owner), external ranges and
 * the ingress controller, computed with the reference evaluator. Rows with no connection and a
 * workload to itself are left out; rows are sorted by src, then dst.
 *
 * @example referenceConnlist(inventory).map((r) => `${r.src} => ${r.dst} : ${r.conn}`)
 */
export function referenceConnlist(
  inventory: Inventory,
  options: ConnlistOptions = DEFAULT_OPTIONS,
): ConnlistRow[] {
  const atoms = externalAtoms([...inventoryCidrRanges(inventory), ...(options.extraCidrs ?? [])]);
  const rows = new Map<string, ConnlistRow>();
  const add = (src: string, dst: string, conn: ConnectionSet): void => {
    if (conn.isEmpty) return;
    const key = `${src}\u0000${dst}`;
    const existing = rows.get(key);
    rows.set(key, { src, dst, conn: existing ? existing.conn.union(conn) : conn });
  };
  const endpoints = inventory.pods.map((pod): [Pod, Endpoint, string] => [
    pod,
    { kind: 'pod', pod },
    workloadName(pod.workload),
  ]);
  for (const [srcPod, src, srcName] of endpoints) {
    for (const [dstPod, dst, dstName] of endpoints) {
      if (srcPod === dstPod || srcName === dstName) continue;
      add(srcName, dstName, allowedConnections(inventory, src, dst, options));
    }
  }
  for (const atom of atoms) {
    const external: Endpoint = { kind: 'external', ip: { family: atom.family, value: atom.first } };
    const name = externalName(atom);
    for (const [, endpoint, podName] of endpoints) {
      add(name, podName, allowedConnections(inventory, external, endpoint, options));
      add(podName, name, allowedConnections(inventory, endpoint, external, options));
    }
  }
  for (const row of ingressControllerConnections(inventory, options))
    add(row.src, row.dst, row.conn);
  return sortRows([...rows.values()]);
}

/** Sorts rows by src, then dst (code-point order); names are ranked once, rows sort on numbers. */
export function sortRows<T extends { src: string; dst: string }>(rows: T[]): T[] {
  const names = new Set<string>();
  for (const r of rows) {
    names.add(r.src);
    names.add(r.dst);
  }
  const rank = new Map<string, number>();
  [...names].sort(compare).forEach((name, i) => rank.set(name, i));
  const keyed = rows.map((row) => ({
    row,
    src: rank.get(row.src) as number,
    dst: rank.get(row.dst) as number,
  }));
  keyed.sort((a, b) => a.src - b.src || a.dst - b.dst);
  for (let i = 0; i < keyed.length; i++) rows[i] = (keyed[i] as { row: T }).row;
  return rows;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
