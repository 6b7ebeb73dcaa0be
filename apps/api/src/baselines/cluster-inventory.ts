import { parseSnapshot, snapshotToObjects } from '@fenceline/contracts';
import type { SnapshotRepository } from '@fenceline/data-access';
import { buildInventory, type Inventory } from '@fenceline/netpol';

/** The inventory of a cluster's newest snapshot, or undefined before its first push. */
export async function latestInventory(
  snapshots: SnapshotRepository,
  organizationId: string,
  clusterId: string,
): Promise<{ inventory: Inventory; snapshotId: string } | undefined> {
  const latest = await snapshots.latest(organizationId, clusterId);
  if (!latest) return undefined;
  const parsed = parseSnapshot(await snapshots.payload(organizationId, latest.id));
  if (!parsed.ok) return undefined;
  return { inventory: buildInventory(snapshotToObjects(parsed.snapshot)), snapshotId: latest.id };
}
