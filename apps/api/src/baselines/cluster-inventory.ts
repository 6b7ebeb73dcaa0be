import type { SnapshotRepository } from '@fenceline/data-access';
import type { Inventory } from '@fenceline/netpol';

/**
 * The inventory of a cluster's newest snapshot, or undefined before its first push. Corrupt
 * stored data is the repository's `CORRUPT_DATA` error (answered 500), not "no snapshot".
 */
export async function latestInventory(
  snapshots: SnapshotRepository,
  organizationId: string,
  clusterId: string,
): Promise<{ inventory: Inventory; snapshotId: string } | undefined> {
  const latest = await snapshots.latest(organizationId, clusterId);
  if (!latest) return undefined;
  const loaded = await snapshots.inventory(organizationId, latest.id);
  return loaded && { inventory: loaded.inventory, snapshotId: latest.id };
}
