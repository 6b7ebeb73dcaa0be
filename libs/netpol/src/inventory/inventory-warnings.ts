import { formatObjectRef } from '../errors/object-ref';
import type { Inventory } from './inventory';

/**
 * What a reader of any result must know about its input: kinds that were not evaluated,
 * objects left out, and pods whose enforcement depends on the CNI.
 *
 * @example inventoryWarnings(inventory) // ['2 object(s) of kind crd.projectcalico.org/v1/NetworkPolicy were not evaluated']
 */
export function inventoryWarnings(inventory: Inventory): string[] {
  const warnings: string[] = [];
  for (const [kind, count] of Object.entries(inventory.ignoredKinds).sort()) {
    warnings.push(`${count} object(s) of kind ${kind} were not evaluated`);
  }
  for (const { object, reason } of inventory.skipped) warnings.push(`${formatObjectRef(object)} left out: ${reason}`);
  const hostNetwork = inventory.pods.filter((p) => p.hostNetwork);
  if (hostNetwork.length > 0) {
    warnings.push(
      `${hostNetwork.length} pod(s) use hostNetwork (e.g. ${hostNetwork[0]?.namespace}/${hostNetwork[0]?.name}): they are evaluated like other pods, but most CNIs do not enforce NetworkPolicy on them (--host-network unrestricted shows the widest view)`,
    );
  }
  return warnings;
}
