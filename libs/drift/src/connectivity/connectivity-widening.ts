import { ConnectionSet, externalName, type ConnlistRow, type IpRange } from '@fenceline/netpol';
import { driftFinding, type DriftFinding } from '../findings/drift-finding';
import { isExternalName, parseExternalName } from './external-range';
import { groupRows, sensitiveDestinations, type RowScope } from './peer-index';

/**
 * One row of accepted connectivity, as `fenceline connlist --output json` prints it (netpol's
 * `ConnlistRow` with `conn.toString()`).
 */
export interface ReferenceRow {
  src: string;
  dst: string;
  conn: string;
}

/** Thrown when reference rows cannot be read (a connection or external range that does not parse). */
export class InvalidReferenceError extends Error {
  readonly code = 'INVALID_REFERENCE';

  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'InvalidReferenceError';
  }
}

interface WidenedRow {
  readonly src: string;
  readonly dst: string;
  readonly added: ConnectionSet;
  readonly reference: ConnectionSet;
  readonly current: ConnectionSet;
}

/**
 * Connections the cluster allows now that the accepted reference did not: per namespace pair
 * touching the scope, one `connectivity-widened` finding (high; critical into a sensitive
 * workload). Catches what policy comparison cannot: a relabelled pod, a new namespace matching a
 * namespaceSelector, a new workload. External peers are compared address by address, so the
 * two sides may be cut at different CIDRs.
 *
 * @example connectivityWidening(scope, model.connlist(), referenceRows)
 */
export function connectivityWidening(
  scope: RowScope,
  current: readonly ConnlistRow[],
  reference: readonly ReferenceRow[],
): DriftFinding[] {
  const ref = indexReference(reference);
  const widened: WidenedRow[] = [];
  for (const row of current) {
    const srcRange = parseExternalName(row.src);
    const dstRange = parseExternalName(row.dst);
    if (!srcRange && !dstRange) {
      const before = ref.pairs.get(`${row.src}\u0000${row.dst}`) ?? ConnectionSet.NONE;
      const added = row.conn.subtract(before);
      if (!added.isEmpty)
        widened.push({ src: row.src, dst: row.dst, added, reference: before, current: row.conn });
      continue;
    }
    const range = (srcRange ?? dstRange) as IpRange;
    const entries = srcRange ? ref.inbound.get(row.dst) : ref.outbound.get(row.src);
    for (const piece of splitRange(range, entries ?? [])) {
      const added = row.conn.subtract(piece.conn);
      if (added.isEmpty) continue;
      const name = externalName(piece.range);
      widened.push({
        src: srcRange ? name : row.src,
        dst: srcRange ? row.dst : name,
        added,
        reference: piece.conn,
        current: row.conn,
      });
    }
  }
  const findings: DriftFinding[] = [];
  const isSensitive = sensitiveDestinations(scope);
  for (const [subject, rows] of groupRows(scope, widened)) {
    const critical = rows.some((r) => isSensitive(r.dst));
    findings.push(
      driftFinding('connectivity-widened', critical ? 'critical' : 'high', subject, {
        rows: rows.map((r) => ({
          src: r.src,
          dst: r.dst,
          added: r.added.toString(),
          reference: r.reference.toString(),
          current: r.current.toString(),
        })),
      }),
    );
  }
  return findings;
}

interface RangeEntry {
  readonly range: IpRange;
  readonly conn: ConnectionSet;
}

function indexReference(reference: readonly ReferenceRow[]): {
  pairs: Map<string, ConnectionSet>;
  inbound: Map<string, RangeEntry[]>;
  outbound: Map<string, RangeEntry[]>;
} {
  const pairs = new Map<string, ConnectionSet>();
  const inbound = new Map<string, RangeEntry[]>();
  const outbound = new Map<string, RangeEntry[]>();
  const push = (map: Map<string, RangeEntry[]>, key: string, entry: RangeEntry): void => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  // Rows repeat a handful of connection texts: parse each once.
  const parsed = new Map<string, ConnectionSet | undefined>();
  const parse = (text: string): ConnectionSet | undefined => {
    if (!parsed.has(text)) parsed.set(text, ConnectionSet.parse(text));
    return parsed.get(text);
  };
  reference.forEach((row, i) => {
    const conn = typeof row.conn === 'string' ? parse(row.conn) : undefined;
    if (!conn)
      throw new InvalidReferenceError(
        `reference[${i}].conn`,
        `${JSON.stringify(row.conn)} is not a connection set`,
      );
    const src = parseExternal(row.src, `reference[${i}].src`);
    const dst = parseExternal(row.dst, `reference[${i}].dst`);
    if (src) push(inbound, row.dst, { range: src, conn });
    else if (dst) push(outbound, row.src, { range: dst, conn });
    else {
      const key = `${row.src}\u0000${row.dst}`;
      const previous = pairs.get(key);
      pairs.set(key, previous ? previous.union(conn) : conn);
    }
  });
  return { pairs, inbound, outbound };
}

function parseExternal(name: unknown, path: string): IpRange | undefined {
  if (typeof name !== 'string') throw new InvalidReferenceError(path, 'expected a peer name');
  if (!isExternalName(name)) return undefined;
  const range = parseExternalName(name);
  if (!range)
    throw new InvalidReferenceError(path, `${JSON.stringify(name)} is not an external range`);
  return range;
}

/**
 * Cuts `range` at every boundary of the reference entries inside it; each piece carries the
 * union of the entries covering it (no entry: no connection).
 */
function splitRange(range: IpRange, entries: readonly RangeEntry[]): RangeEntry[] {
  const relevant = entries.filter(
    (e) =>
      e.range.family === range.family && e.range.last >= range.first && e.range.first <= range.last,
  );
  const cuts = new Set<bigint>([range.first, range.last + 1n]);
  for (const e of relevant) {
    if (e.range.first > range.first) cuts.add(e.range.first);
    if (e.range.last < range.last) cuts.add(e.range.last + 1n);
  }
  const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pieces: RangeEntry[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const first = sorted[i] as bigint;
    const last = (sorted[i + 1] as bigint) - 1n;
    const conn = relevant
      .filter((e) => e.range.first <= first && first <= e.range.last)
      .reduce((acc, e) => acc.union(e.conn), ConnectionSet.NONE);
    const previous = pieces[pieces.length - 1];
    if (previous && previous.conn.equals(conn))
      pieces[pieces.length - 1] = { range: { ...previous.range, last }, conn };
    else pieces.push({ range: { family: range.family, first, last }, conn });
  }
  return pieces;
}
