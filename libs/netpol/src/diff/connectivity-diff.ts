import type { ConnectionSet } from '../ports/connection-set';
import { ConnectionSet as Conn } from '../ports/connection-set';
import { sortRows, type ConnlistRow } from '../connlist/connlist';

export type DiffType = 'added' | 'removed' | 'changed';

/**
 * One pair whose allowed connections differ: `added` (nothing before), `removed` (nothing
 * after) or `changed`. `note` says when the row exists because a workload appeared or went away.
 */
export interface DiffRow {
  readonly diffType: DiffType;
  readonly src: string;
  readonly dst: string;
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
  readonly note?: string;
}

/**
 * The semantic difference between two connectivity lists computed over the same external cut.
 * Rows that allow the same connections on both sides are equal whatever the policy text, so a
 * named port and its number, or an endPort range and the list of its ports, diff empty.
 *
 * @example diffConnlists(before, after, beforePeers, afterPeers).map((r) => r.diffType)
 */
export function diffConnlists(
  before: readonly ConnlistRow[],
  after: readonly ConnlistRow[],
  beforeWorkloads: ReadonlySet<string>,
  afterWorkloads: ReadonlySet<string>,
): DiffRow[] {
  const key = (r: { src: string; dst: string }): string => `${r.src}\u0000${r.dst}`;
  const beforeByKey = new Map(before.map((r) => [key(r), r]));
  const afterByKey = new Map(after.map((r) => [key(r), r]));
  const rows: DiffRow[] = [];
  for (const k of new Set([...beforeByKey.keys(), ...afterByKey.keys()])) {
    const b = beforeByKey.get(k);
    const a = afterByKey.get(k);
    const src = (b ?? a)!.src;
    const dst = (b ?? a)!.dst;
    const beforeConn = b?.conn ?? Conn.NONE;
    const afterConn = a?.conn ?? Conn.NONE;
    if (beforeConn.equals(afterConn)) continue;
    const diffType: DiffType = beforeConn.isEmpty
      ? 'added'
      : afterConn.isEmpty
        ? 'removed'
        : 'changed';
    const note = workloadNote(src, dst, beforeWorkloads, afterWorkloads);
    rows.push({
      diffType,
      src,
      dst,
      before: beforeConn,
      after: afterConn,
      ...(note ? { note } : {}),
    });
  }
  return sortRows(rows);
}

/** Why a row exists when one of its peers is a workload that appeared or went away. */
export function workloadNote(
  src: string,
  dst: string,
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
): string | undefined {
  const notes: string[] = [];
  for (const peer of [src, dst]) {
    if (after.has(peer) && !before.has(peer)) notes.push(`workload ${peer} added`);
    if (before.has(peer) && !after.has(peer)) notes.push(`workload ${peer} removed`);
  }
  return notes.length ? notes.join('; ') : undefined;
}
