import { createHash } from 'node:crypto';
import {
  canonicalJson,
  createSnapshot,
  snapshotController,
  SNAPSHOT_SORT_KEYS,
} from '@fenceline/contracts';
import { buildInventory, type ValidationIssue } from '@fenceline/netpol';
import { flatString } from '../memory';

type Raw = Record<string, unknown>;

export type SnapshotSection = keyof typeof SNAPSHOT_SORT_KEYS;

/**
 * Every list section of a snapshot, taken from `createSnapshot`'s own sort keys: a section the
 * snapshot gains is carried by the agent without a list here to keep in step.
 */
export const SNAPSHOT_SECTIONS = Object.keys(SNAPSHOT_SORT_KEYS) as SnapshotSection[];

/**
 * One list entry of a snapshot, kept as canonical JSON text with the key it sorts by: the sort
 * keys joined with NUL, which orders exactly as comparing them element by element (NUL sorts
 * before every character a name or label can hold).
 */
export interface SnapshotEntry {
  readonly section: SnapshotSection;
  readonly sortKey: string;
  readonly json: string;
  /**
   * The next link up the owner chain (`Kind/namespace/name`): a pod's own controller, a
   * controller's owner. The assembler keeps only the controllers some pod reaches, as
   * `createSnapshot` does.
   */
  readonly up?: string;
}

const NO_ISSUES: readonly ValidationIssue[] = Object.freeze([]);

/**
 * What one object adds to a snapshot: its entries (a pod, a policy, an Ingress's exposures…),
 * the `apiVersion/kind` it is counted under when the engine does not evaluate it, and the
 * engine's issues with it. Computed once per object change by the same code as `fenceline
 * snapshot` (buildInventory + createSnapshot on that object alone — no entry depends on another
 * object), and kept as text: tens of thousands of pods then cost a few megabytes, and a push
 * joins strings instead of rebuilding an object graph.
 */
export interface ObjectContribution {
  readonly entries: readonly SnapshotEntry[];
  readonly ignoredKind?: string;
  readonly issues: readonly ValidationIssue[];
  /** Equal fingerprints, equal contribution: a change the snapshot does not see is no change. */
  readonly fingerprint: string;
}

const EPOCH = '1970-01-01T00:00:00Z';

export function contributionOf(object: Raw, source: string): ObjectContribution {
  // One object alone has no chain to follow: pods keep their own controller, as in a snapshot.
  const inventory = buildInventory([{ object, source }], { workloadName: 'direct' });
  const snapshot = createSnapshot(inventory, { collectedAt: EPOCH, source: { type: 'cluster' } });
  const entries: SnapshotEntry[] = [];
  const add = <T>(
    section: SnapshotSection,
    items: readonly T[],
    up?: (item: T) => string | undefined,
  ): void => {
    const keys = SNAPSHOT_SORT_KEYS[section] as unknown as (item: T) => readonly string[];
    for (const item of items) {
      const next = up?.(item);
      entries.push({
        section,
        sortKey: keys(item).join('\u0000'),
        json: flatString(canonicalJson(item)),
        ...(next !== undefined ? { up: next } : {}),
      });
    }
  };
  add('pods', snapshot.pods, (p) =>
    p.owner ? chainKey(p.owner.kind, p.namespace, p.owner.name) : undefined,
  );
  // createSnapshot writes only the links some pod reaches (alone, this one reaches none): the
  // assembler picks them, so each link is kept here.
  add('controllers', inventory.controllers.map(snapshotController), (c) =>
    chainKey(c.owner.kind, c.namespace, c.owner.name),
  );
  for (const section of SNAPSHOT_SECTIONS)
    if (section !== 'pods' && section !== 'controllers')
      add(section, (snapshot[section] ?? []) as readonly unknown[]);
  const ignoredKind = Object.keys(snapshot.ignoredKinds)[0];
  const issues = inventory.issues.length > 0 ? inventory.issues : NO_ISSUES;
  const only =
    entries.length === 1 && issues.length === 0 && ignoredKind === undefined
      ? entries[0]
      : undefined;
  return {
    // Exactly as long as it is: `push` leaves room for 17 (128 bytes more per object).
    entries: entries.slice(),
    ...(ignoredKind !== undefined ? { ignoredKind } : {}),
    issues,
    // The common case (one entry) reuses the entry's text: no second copy per pod.
    fingerprint: only ? only.json : fingerprintOf(entries, ignoredKind, issues),
  };
}

/** `Kind/namespace/name`, joined into one flat string (a template literal keeps three links). */
function chainKey(kind: string, namespace: string, name: string): string {
  return [kind, namespace, name].join('/');
}

function fingerprintOf(
  entries: readonly SnapshotEntry[],
  ignoredKind: string | undefined,
  issues: readonly ValidationIssue[],
): string {
  const hash = createHash('sha1');
  for (const entry of entries) hash.update(entry.json).update('\n');
  hash.update(`\u0000${ignoredKind ?? ''}\u0000`);
  for (const issue of issues) hash.update(`${issue.code} ${issue.path} ${issue.message}\n`);
  return hash.digest('base64');
}
