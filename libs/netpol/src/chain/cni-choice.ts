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

/** Other names of the evaluated CNIs: Canal is flannel networking with Calico's policy engine. */
const ALIASES: Readonly<Record<string, EvaluatedCni>> = { canal: 'calico' };

function evaluated(name: string | undefined): EvaluatedCni | undefined {
  const lower = name?.toLowerCase();
  if (lower === undefined) return undefined;
  return ALIASES[lower] ?? EVALUATED_CNIS.find((c) => c === lower);
}

/**
 * Whose policies decide: the CNI the user states (`--cni`) — only its own kinds are enforced;
 * else the agent's detection when it is Calico, Cilium or Antrea; else the CNI whose objects
 * are present (the first of Calico, Cilium, Antrea when several are), since its CRDs mean its
 * policy engine is installed (Calico runs policy-only beside flannel or a cloud CNI).
 */
export function chosenCni(inventory: Inventory): EvaluatedCni | undefined {
  const present = (c: EvaluatedCni | undefined): boolean =>
    c !== undefined && inventory[c] !== undefined;
  if (inventory.cni !== undefined) {
    const cni = evaluated(inventory.cni);
    return present(cni) ? cni : undefined;
  }
  const detected = evaluated(inventory.detectedCni);
  if (detected) return present(detected) ? detected : undefined;
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
  const stated =
    inventory.cni ?? (evaluated(inventory.detectedCni) ? inventory.detectedCni : undefined);
  if (stated === undefined && chosen) {
    const known = inventory.detectedCni ? `detected as ${inventory.detectedCni}` : 'not known';
    warnings.push(
      `the cluster's CNI is ${known}: the ${NAMES[chosen]} objects present are evaluated as ${NAMES[chosen]} enforces them (--cni says which CNI runs)`,
    );
  }
  for (const [cni, count] of counts) {
    if (cni === chosen) continue;
    const why =
      stated === undefined
        ? `${NAMES[chosen ?? cni]} was chosen (--cni says which CNI runs)`
        : `the cluster runs ${stated}`;
    warnings.push(`${count} ${NAMES[cni]} object(s) are present but not enforced: ${why}`);
  }
  return warnings;
}
