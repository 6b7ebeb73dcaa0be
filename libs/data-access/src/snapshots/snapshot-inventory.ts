import {
  parseSnapshot,
  snapshotInventoryOptions,
  snapshotToObjects,
  type InventorySnapshot,
} from '@fenceline/contracts';
import { buildInventory, type Inventory } from '@fenceline/netpol';
import { CorruptDataError, DataAccessError } from '../data-access-error';

/** A stored snapshot read back: its parsed payload and the inventory built from it. */
export interface SnapshotInventory {
  readonly snapshotId: string;
  readonly snapshot: InventorySnapshot;
  readonly inventory: Inventory;
}

/**
 * Parses a stored payload and builds its inventory — the one place the API and the worker turn a
 * stored snapshot back into objects. A payload off the schema was valid when it was stored, so it
 * is corrupt: a `CORRUPT_DATA` error (the worker does not retry it, the API answers 500 with it).
 */
export function snapshotInventory(snapshotId: string, payload: unknown): SnapshotInventory {
  const parsed = parseSnapshot(payload);
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    const where = issue?.path;
    throw new CorruptDataError(
      { table: 'Snapshot', id: snapshotId, field: 'payload' },
      issue ? `${issue.path}: ${issue.message}` : 'does not parse',
      `stored snapshot ${snapshotId} does not match the schema${where ? `: ${where}` : ''}`,
    );
  }
  return {
    snapshotId,
    snapshot: parsed.snapshot,
    inventory: buildInventory(
      snapshotToObjects(parsed.snapshot),
      snapshotInventoryOptions(parsed.snapshot),
    ),
  };
}

/** Whether an error says stored data is corrupt (retrying cannot help). */
export function isCorruptData(error: unknown): error is DataAccessError {
  return error instanceof DataAccessError && error.code === 'CORRUPT_DATA';
}
