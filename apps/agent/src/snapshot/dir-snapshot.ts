import {
  createSnapshot,
  expandSnapshotDocuments,
  type InventorySnapshot,
} from '@fenceline/contracts';
import { buildInventory, loadPaths, type ValidationIssue } from '@fenceline/netpol';
import type { SnapshotContext } from './prepared-snapshot';

/**
 * `--from-dir`: the snapshot of manifest folders, read exactly as `fenceline snapshot <path...>`
 * reads them (manifests and snapshot files, nested folders), with the issues it would print.
 */
export function buildDirSnapshot(
  paths: readonly string[],
  context: SnapshotContext,
  cwd = process.cwd(),
): { snapshot: InventorySnapshot; issues: readonly ValidationIssue[] } {
  const loaded = loadPaths(paths, { cwd });
  const expanded = expandSnapshotDocuments(loaded.objects);
  const inventory = buildInventory(expanded.objects);
  const snapshot = createSnapshot(inventory, {
    collectedAt: context.collectedAt,
    source: context.source,
    ...(context.clusterName !== undefined ? { cluster: { name: context.clusterName } } : {}),
  });
  return { snapshot, issues: [...loaded.issues, ...expanded.issues, ...inventory.issues] };
}
