import type { SourcedObject, ValidationIssue } from '@fenceline/netpol';
import { isSnapshotDocument, parseSnapshot } from './parse-snapshot';
import type { InventorySnapshot } from './snapshot.schema';
import { snapshotToObjects } from './snapshot-objects';

/** Loaded documents with every snapshot among them expanded into the objects it stands for. */
export interface ExpandedDocuments {
  readonly objects: readonly SourcedObject[];
  /** One issue per invalid field of an invalid snapshot (that snapshot is left out). */
  readonly issues: readonly ValidationIssue[];
  readonly snapshots: readonly { readonly snapshot: InventorySnapshot; readonly origin: string }[];
}

/**
 * Lets every reader of manifest folders (the CLI, the agent's `--from-dir`) accept snapshot
 * files too: a document that is an `InventorySnapshot` is validated against the schema and
 * replaced by its objects; other documents pass through unchanged, in order.
 *
 * @example expandSnapshotDocuments(loadPaths(['./manifests']).objects).objects.length
 */
export function expandSnapshotDocuments(items: readonly SourcedObject[]): ExpandedDocuments {
  const objects: SourcedObject[] = [];
  const issues: ValidationIssue[] = [];
  const snapshots: { snapshot: InventorySnapshot; origin: string }[] = [];
  for (const item of items) {
    if (!isSnapshotDocument(item.object)) {
      objects.push(item);
      continue;
    }
    const origin = item.source ?? 'snapshot';
    const parsed = parseSnapshot(item.object);
    if (!parsed.ok) {
      for (const { path, message } of parsed.issues) {
        issues.push({
          code: 'INVALID_SNAPSHOT',
          object: { kind: 'InventorySnapshot', name: origin },
          path,
          message,
        });
      }
      continue;
    }
    objects.push(...snapshotToObjects(parsed.snapshot, origin));
    snapshots.push({ snapshot: parsed.snapshot, origin });
  }
  return { objects, issues, snapshots };
}
