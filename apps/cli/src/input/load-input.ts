import {
  buildInventory,
  DEFAULT_OPTIONS,
  inventoryWarnings,
  type EvaluationOptions,
  loadPaths,
  type Inventory,
  type InventoryOptions,
  type ValidationIssue,
} from '@fenceline/netpol';
import {
  expandSnapshotDocuments,
  snapshotInventoryOptions,
  type InventorySnapshot,
} from '@fenceline/contracts';

/** An inventory ready to analyse, with every problem met on the way. */
export interface LoadedInput {
  readonly inventory: Inventory;
  /** Loader, snapshot and validation issues: each one makes the exit code 2. */
  readonly issues: readonly ValidationIssue[];
  readonly warnings: readonly string[];
}

/**
 * Reads manifests and snapshot files from the given paths (files or folders) into one
 * inventory. A document that is an `InventorySnapshot` is validated against the snapshot schema
 * and expanded into the objects it stands for; an invalid one is left out with one issue per
 * field. `inventory` says how workloads are named (`--workload-name`).
 *
 * @example loadInput(['./manifests', 'prod.snapshot.json'], process.cwd()).inventory.pods.length
 */
export function loadInput(
  paths: readonly string[],
  cwd: string,
  options: EvaluationOptions = DEFAULT_OPTIONS,
  inventoryOptions: InventoryOptions = {},
): LoadedInput {
  const loaded = loadPaths(paths, { cwd });
  const expanded = expandSnapshotDocuments(loaded.objects);
  const issues: ValidationIssue[] = [...loaded.issues, ...expanded.issues];
  const warnings: string[] = [];
  for (const { snapshot, origin } of expanded.snapshots) {
    const cniWarning = cniEnforcementWarning(snapshot, origin);
    if (cniWarning) warnings.push(cniWarning);
  }
  const objects = expanded.objects;
  // The agent's detection, unless --cni says otherwise.
  const detected = expanded.snapshots
    .map((s) => snapshotInventoryOptions(s.snapshot).detectedCni)
    .find((name) => name !== undefined);
  const inventory = buildInventory(objects, {
    ...inventoryOptions,
    ...(detected !== undefined ? { detectedCni: detected } : {}),
  });
  issues.push(...inventory.issues);
  warnings.push(...inventoryWarnings(inventory, options));
  return { inventory, issues, warnings };
}

function cniEnforcementWarning(snapshot: InventorySnapshot, origin: string): string | undefined {
  const cni = snapshot.source.cni;
  if (!cni || cni.enforcesNetworkPolicy === true) return undefined;
  const state = cni.enforcesNetworkPolicy === false ? 'does not enforce' : 'may not enforce';
  return `${origin}: the cluster's CNI (${cni.name}) ${state} NetworkPolicy: the results show what the policies say, not what the network does`;
}
