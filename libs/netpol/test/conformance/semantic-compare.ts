import { ConnectionSet, parseIp } from '../../src/index';

/** A row as both the conformance data and our output write it. */
export interface TextRow {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
}

const EXTERNAL = /^(.+)-(.+)\[External\]$/;

interface Range {
  first: bigint;
  last: bigint;
}

function externalRange(peer: string): Range | undefined {
  const m = EXTERNAL.exec(peer);
  if (!m) return undefined;
  const first = parseIp(m[1] as string);
  const last = parseIp(m[2] as string);
  if (!first || !last || first.family !== 4) throw new Error(`bad external peer ${peer}`);
  return { first: first.value, last: last.value };
}

/**
 * Normalises rows for a semantic comparison: every external range is cut at the union of all
 * range boundaries of both sides, and each row becomes one entry per piece, keyed by
 * `src → dst`, with its connections parsed.
 */
export function normaliseRows(
  rows: readonly TextRow[],
  allRows: readonly TextRow[],
): Map<string, ConnectionSet> {
  const starts = new Set<bigint>([0n]);
  for (const r of allRows) {
    for (const peer of [r.src, r.dst]) {
      const range = externalRange(peer);
      if (!range) continue;
      starts.add(range.first);
      starts.add(range.last + 1n);
    }
  }
  const cuts = [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const expand = (peer: string): string[] => {
    const range = externalRange(peer);
    if (!range) return [peer];
    return cuts.filter((c) => c >= range.first && c <= range.last).map((c) => `ext:${c}`);
  };
  const out = new Map<string, ConnectionSet>();
  for (const row of rows) {
    const conn = ConnectionSet.parse(row.conn);
    if (!conn) throw new Error(`cannot parse connection ${JSON.stringify(row.conn)}`);
    for (const src of expand(row.src)) {
      for (const dst of expand(row.dst)) {
        const key = `${src} => ${dst}`;
        const prev = out.get(key);
        out.set(key, prev ? prev.union(conn) : conn);
      }
    }
  }
  for (const [k, v] of out) if (v.isEmpty) out.delete(k);
  return out;
}

/** Human-readable differences between expected and actual rows; empty when they agree. */
export function semanticDifferences(
  expected: readonly TextRow[],
  actual: readonly TextRow[],
): string[] {
  const all = [...expected, ...actual];
  const want = normaliseRows(expected, all);
  const got = normaliseRows(actual, all);
  const diffs: string[] = [];
  for (const [key, conn] of want) {
    const g = got.get(key);
    if (!g) diffs.push(`missing   ${key} : ${conn}`);
    else if (!g.equals(conn)) diffs.push(`differs   ${key} : expected ${conn}, got ${g}`);
  }
  for (const [key, conn] of got) if (!want.has(key)) diffs.push(`unexpected ${key} : ${conn}`);
  return diffs;
}
