import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import {
  canonicalJson,
  createSnapshot,
  SNAPSHOT_API_VERSION,
  SNAPSHOT_KIND,
  SNAPSHOT_SCHEMA_VERSION,
  type SnapshotSource,
} from '@fenceline/contracts';
import { buildInventory, type ValidationIssue } from '@fenceline/netpol';
import {
  SNAPSHOT_SECTIONS,
  type ObjectContribution,
  type SnapshotEntry,
  type SnapshotSection,
} from './object-contribution';
import type { PreparedSnapshot } from './prepared-snapshot';

export interface SnapshotHeader {
  readonly collectedAt: Date;
  readonly source: SnapshotSource;
  readonly clusterName?: string;
}

/** Pieces go to gzip in chunks of about this size. */
const CHUNK = 64 * 1024;

/**
 * Joins object contributions into the snapshot's canonical JSON (keys sorted at every level,
 * lists in `createSnapshot` order): the same snapshot `createSnapshot` builds from all the
 * objects, and its SHA-256 without `collectedAt` is exactly `snapshotContentHash`. The text is
 * streamed into gzip and the hash piece by piece, never held whole: on a 20,000-pod cluster it
 * is 7 MB that would otherwise exist three times over at the peak. Writes wait for gzip to
 * drain: queued unread, every chunk would be alive at once as a Buffer outside the heap, and
 * promoted before gzip reads it, kept until the next full collection (two builds during a
 * rollout held 15 MB of them; `npm run bench:agent`).
 */
export async function assembleSnapshot(
  contributions: Iterable<ObjectContribution>,
  header: SnapshotHeader,
): Promise<{ prepared: PreparedSnapshot; issues: readonly ValidationIssue[] }> {
  const sections = Object.fromEntries(SNAPSHOT_SECTIONS.map((s) => [s, []])) as unknown as Record<
    SnapshotSection,
    SnapshotEntry[]
  >;
  const ignored = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  for (const c of contributions) {
    for (const entry of c.entries) sections[entry.section].push(entry);
    if (c.ignoredKind !== undefined)
      ignored.set(c.ignoredKind, (ignored.get(c.ignoredKind) ?? 0) + 1);
    issues.push(...c.issues);
  }
  sections.controllers = reachedControllers(sections.pods, sections.controllers);
  for (const entries of Object.values(sections))
    entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));

  const collectedAt = header.collectedAt.toISOString();
  const scalars: [string, string][] = [
    ['apiVersion', JSON.stringify(SNAPSHOT_API_VERSION)],
    ...(header.clusterName !== undefined
      ? [['cluster', canonicalJson({ name: header.clusterName })] as [string, string]]
      : []),
    ['collectedAt', JSON.stringify(collectedAt)],
    ['ignoredKinds', canonicalJson(Object.fromEntries(ignored))],
    ['kind', JSON.stringify(SNAPSHOT_KIND)],
    ['schemaVersion', JSON.stringify(SNAPSHOT_SCHEMA_VERSION)],
    ['source', canonicalJson(header.source)],
  ];
  const lists = SNAPSHOT_SECTIONS.filter(
    (section) => alwaysWritten().has(section) || sections[section].length > 0,
  ).map((section): [string, { section: SnapshotSection }] => [section, { section }]);
  // Members in code-unit order of their keys, as canonical JSON has them.
  const members = [...scalars, ...lists].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const gzip = createGzip();
  const compressed: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => compressed.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  const hash = createHash('sha256');
  let rawBytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const more = gzip.write(pending.join(''));
    pending = [];
    pendingLength = 0;
    if (!more) await once(gzip, 'drain');
  };
  /** Adds a piece; true when a chunk is full and should be flushed. */
  const emit = (piece: string, hashed: boolean): boolean => {
    rawBytes += Buffer.byteLength(piece);
    if (hashed) hash.update(piece);
    pending.push(piece);
    pendingLength += piece.length;
    return pendingLength >= CHUNK;
  };

  let hashOpen = false;
  for (const [i, [key, value]] of members.entries()) {
    const hashed = key !== 'collectedAt';
    const head = `${JSON.stringify(key)}:`;
    emit(`${i === 0 ? '{' : ','}${head}`, false);
    // The hash sees the members without collectedAt, with its own separators.
    if (hashed) {
      hash.update(`${hashOpen ? ',' : '{'}${head}`);
      hashOpen = true;
    }
    if (typeof value === 'string') {
      if (emit(value, hashed)) await flush();
    } else {
      emit('[', true);
      for (const [j, entry] of sections[value.section].entries()) {
        // Separate pieces: `,${json}` would copy every entry's text once more per build.
        if (j > 0) emit(',', true);
        if (emit(entry.json, true)) await flush();
      }
      emit(']', true);
    }
  }
  emit('}', true);
  await flush();
  gzip.end();
  await finished;
  const body = Buffer.concat(compressed);
  return {
    issues,
    prepared: {
      body,
      rawBytes,
      gzipBytes: body.length,
      contentHash: hash.digest('hex'),
      collectedAt,
      counts: {
        namespaces: sections.namespaces.length,
        pods: sections.pods.length,
        policies: sections.policies.length,
        services: sections.services.length,
      },
    },
  };
}

let always: ReadonlySet<string> | undefined;

/**
 * The sections `createSnapshot` writes even empty (pods, policies…); the others (`nodes`: written
 * only when some are known) appear only with entries, as they do in `createSnapshot`'s output.
 */
function alwaysWritten(): ReadonlySet<string> {
  always ??= new Set(
    Object.keys(
      createSnapshot(buildInventory([]), {
        collectedAt: '1970-01-01T00:00:00Z',
        source: { type: 'cluster' },
      }),
    ),
  );
  return always;
}

/**
 * The controller entries on the owner chains of the pods (from each pod's own controller up), as
 * `createSnapshot` keeps them: old ReplicaSets that own no pod are left out.
 */
function reachedControllers(
  pods: readonly SnapshotEntry[],
  controllers: readonly SnapshotEntry[],
): SnapshotEntry[] {
  if (controllers.length === 0) return [];
  // A controller's sort key is kind, namespace, name: its chain key with NUL for `/`.
  const byKey = new Map(controllers.map((c) => [c.sortKey.replaceAll('\u0000', '/'), c]));
  const used = new Set<SnapshotEntry>();
  for (const pod of pods) {
    let key = pod.up;
    while (key !== undefined) {
      const link = byKey.get(key);
      if (!link || used.has(link)) break;
      used.add(link);
      key = link.up;
    }
  }
  return controllers.filter((c) => used.has(c));
}
