import { UnrecoverableError } from 'bullmq';
import {
  isCorruptData,
  type SnapshotInventory,
  type SnapshotRepository,
} from '@fenceline/data-access';

/**
 * `snapshots.inventory` for a job: corrupt stored data is recorded on the snapshot (status
 * `failed` with the reason) and ends the job as BullMQ's `UnrecoverableError` — five retries of
 * the same bytes would fail five times. Any other error is rethrown for the queue's retries.
 */
export async function storedInventory(
  snapshots: SnapshotRepository,
  organizationId: string,
  snapshotId: string,
): Promise<SnapshotInventory | undefined> {
  try {
    return await snapshots.inventory(organizationId, snapshotId);
  } catch (error) {
    if (!isCorruptData(error)) throw error;
    await snapshots.markFailed(organizationId, snapshotId, error.message);
    throw new UnrecoverableError(error.message);
  }
}
