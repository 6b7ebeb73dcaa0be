import type { Inventory } from '../inventory/inventory';

/** The CNIs whose own policies the engine evaluates. */
export const EVALUATED_CNIS = ['calico', 'cilium', 'antrea'] as const;
export type EvaluatedCni = (typeof EVALUATED_CNIS)[number];

const API_GROUP_OF: Readonly<Record<EvaluatedCni, (apiVersion: string) => boolean>> = {
  calico: (v) => v.startsWith('projectcalico.org/') || v.startsWith('crd.projectcalico.org/'),
  cilium: (v) => v.startsWith('cilium.io/'),
  antrea: (v) => v.startsWith('crd.antrea.io/'),
};

const NAMES: Readonly<Record<EvaluatedCni, string>> = {
  calico: 'Calico',
  cilium: 'Cilium',
  antrea: 'Antrea',
};

/** Which CNIs have objects in the inventory, with their counts. */
export function cniObjectCounts(inventory: Inventory): Map<EvaluatedCni, number> {
  const counts = new Map<EvaluatedCni, number>();
  for (const o of inventory.cniObjects ?? []) {
    const cni = EVALUATED_CNIS.find((c) => API_GROUP_OF[c](o.apiVersion));
    if (cni) counts.set(cni, (counts.get(cni) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whose policies decide: the cluster's CNI when it is known (`--cni`, or the agent's detection
 * in the snapshot) — only its own kinds are enforced; when it is unknown, the one CNI whose
 * objects are present (the first of Calico, Cilium, Antrea when several are).
 */
export function chosenCni(inventory: Inventory): EvaluatedCni | undefined {
  const present = (c: EvaluatedCni): boolean => inventory[c] !== undefined;
  const declared = inventory.cni?.toLowerCase();
  if (declared !== undefined) {
    const cni = EVALUATED_CNIS.find((c) => c === declared);
    return cni && present(cni) ? cni : undefined;
  }
  return EVALUATED_CNIS.find(present);
}

/**
 * What a reader must know about CNI-native objects: which CNI's were evaluated and why, and the
 * objects of other CNIs, present but not enforced.
 *
 * @example cniWarnings(inventory) // ['3 Cilium object(s) are present but not enforced: the cluster runs calico']
 */
export function cniWarnings(inventory: Inventory): string[] {
  const counts = cniObjectCounts(inventory);
  if (counts.size === 0) return [];
  const chosen = chosenCni(inventory);
  const warnings: string[] = [];
  if (inventory.cni === undefined && chosen) {
    warnings.push(
      `the cluster's CNI is not known: the ${NAMES[chosen]} objects present are evaluated as ${NAMES[chosen]} enforces them (--cni says which CNI runs)`,
    );
  }
  for (const [cni, count] of counts) {
    if (cni === chosen) continue;
    const why =
      inventory.cni === undefined
        ? `${NAMES[chosen ?? cni]} was chosen (--cni says which CNI runs)`
        : `the cluster runs ${inventory.cni}`;
    warnings.push(`${count} ${NAMES[cni]} object(s) are present but not enforced: ${why}`);
  }
  return warnings;
}
