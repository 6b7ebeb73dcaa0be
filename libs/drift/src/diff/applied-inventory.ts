import type { Inventory } from '@fenceline/netpol';
import type { CompiledBaseline } from '../baseline/compile-baseline';
import { desiredClusterPolicies } from '../scope/cluster-scope';
import { baselineInventory, expectedPolicies, namespacesInScope } from '../scope/scope';

/**
 * The inventory with the baseline applied: its expected policies replace those of its scope, its
 * cluster policies replace the in-scope cluster policies.
 */
export function appliedInventory(
  baseline: CompiledBaseline,
  inventory: Inventory,
): { inventory: Inventory; inScope: Set<string> } {
  const inScope = namespacesInScope(baseline, inventory);
  return {
    inventory: baselineInventory(
      inventory,
      inScope,
      expectedPolicies(baseline, inScope),
      desiredClusterPolicies(baseline, inventory, inScope),
    ),
    inScope,
  };
}
