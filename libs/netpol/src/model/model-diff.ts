import { sortRows } from '../connlist/connlist';
import { workloadNote, type DiffRow, type DiffType } from '../diff/connectivity-diff';
import { ConnectionSet } from '../ports/connection-set';
import { workloadNames } from '../diff/reference-diff';
import type { ModelRows } from './model-connlist';
import type { ReachabilityModel } from './reachability-model';

/**
 * The semantic diff of two models built by `buildModelPair` (one vocabulary, aligned classes
 * and atoms). Per class, the digests of its incoming rows, of its rows to external atoms and of
 * its workloads are compared; only the rows of workloads in classes whose digests differ are
 * compared, word by word, so a 1 % change costs about 1 % of the rows.
 *
 * @example const [a, b] = buildModelPair(before, after); diffModels(a, b)
 */
export function diffModels(a: ReachabilityModel, b: ReachabilityModel): DiffRow[] {
  if (a.vocabulary !== b.vocabulary)
    throw new Error('diffModels needs two models from buildModelPair (one shared vocabulary)');
  const ra = a.modelRows();
  const rb = b.modelRows();
  const dirtyDst = new Set<string>();
  const dirtySrc = new Set<string>();
  const workloadsOf = (key: string): string[] => [
    ...classWorkloads(a, key),
    ...classWorkloads(b, key),
  ];
  for (const key of new Set([...ra.inDigest.keys(), ...rb.inDigest.keys()])) {
    if (ra.inDigest.get(key) !== rb.inDigest.get(key))
      workloadsOf(key).forEach((w) => dirtyDst.add(w));
    if (ra.outDigest.get(key) !== rb.outDigest.get(key)) {
      // Its workloads changed, or its rows to external atoms did: every row it is part of.
      workloadsOf(key).forEach((w) => {
        dirtyDst.add(w);
        dirtySrc.add(w);
      });
    }
  }
  const beforeNames = modelWorkloads(a);
  const afterNames = modelWorkloads(b);
  const rows: DiffRow[] = [];
  const compare = (src: string, dst: string): void => {
    const x = ra.byDst.get(dst)?.get(src);
    const y = rb.byDst.get(dst)?.get(src);
    if (x !== undefined && y !== undefined && sameRow(ra, x, rb, y)) return;
    const before = x === undefined ? undefined : a.portAtoms.connections(ra.pool.get(x));
    const after = y === undefined ? undefined : b.portAtoms.connections(rb.pool.get(y));
    const diffType: DiffType =
      before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    const note = workloadNote(src, dst, beforeNames, afterNames);
    rows.push({
      diffType,
      src,
      dst,
      before: before ?? ConnectionSet.NONE,
      after: after ?? ConnectionSet.NONE,
      ...(note ? { note } : {}),
    });
  };
  for (const dst of dirtyDst) {
    const fromA = ra.byDst.get(dst);
    const fromB = rb.byDst.get(dst);
    fromA?.forEach((_, src) => compare(src, dst));
    fromB?.forEach((_, src) => {
      if (!fromA?.has(src)) compare(src, dst);
    });
  }
  for (const src of dirtySrc) {
    const toA = ra.bySrc.get(src);
    const toB = rb.bySrc.get(src);
    toA?.forEach((_, dst) => {
      if (!dirtyDst.has(dst)) compare(src, dst);
    });
    toB?.forEach((_, dst) => {
      if (!dirtyDst.has(dst) && !toA?.has(dst)) compare(src, dst);
    });
  }
  return sortRows(rows);
}

function sameRow(ra: ModelRows, x: number, rb: ModelRows, y: number): boolean {
  const p = ra.pool.locate(x);
  const q = rb.pool.locate(y);
  for (let i = 0; i < ra.pool.words; i++)
    if (p.data[p.offset + i] !== q.data[q.offset + i]) return false;
  return true;
}

const workloadCache = new WeakMap<ReachabilityModel, Set<string>>();

function modelWorkloads(model: ReachabilityModel): Set<string> {
  let names = workloadCache.get(model);
  if (!names) workloadCache.set(model, (names = workloadNames(model.inventory)));
  return names;
}

function classWorkloads(model: ReachabilityModel, key: string): readonly string[] {
  const id = model.classIdOfKey(key);
  return id === undefined ? [] : (model.pc.classes[id]?.workloads ?? []);
}
