import {
  selectorKeys,
  workloadName,
  type Inventory,
  type NetworkPolicy,
  type Pod,
} from '@fenceline/netpol';

/** Pods that every policy treats alike: one namespace, the same read labels and named ports. */
export interface PodClass {
  readonly index: number;
  readonly namespace: string;
  /** Any member: the policies decide for it what they decide for all. */
  readonly representative: Pod;
  readonly pods: number;
  /** Names (`ns/name[Kind]`) of the workloads with pods in the class. */
  readonly workloads: ReadonlySet<string>;
}

/**
 * Groups pods into classes: same namespace, same value (or absence) of every label key that
 * some pod selector or Service selector reads, and the same named container ports. Labels no
 * selector reads (`pod-template-hash`, per-pod names) do not split classes.
 *
 * @example podClasses(inventory).length
 */
export function podClasses(inventory: Inventory): PodClass[] {
  const keys = [...readLabelKeys(inventory.policies, inventory.services)].sort();
  const byKey = new Map<string, { representative: Pod; pods: number; workloads: Set<string> }>();
  for (const pod of inventory.pods) {
    const named = pod.ports
      .filter((p) => p.name !== undefined)
      .map((p) => `${p.name}=${p.port}/${p.protocol}`)
      .sort();
    const values = keys.map((k) => (Object.hasOwn(pod.labels, k) ? pod.labels[k] : null));
    const key = JSON.stringify([pod.namespace, values, named, pod.hostNetwork]);
    const entry = byKey.get(key);
    if (entry) {
      entry.pods++;
      entry.workloads.add(workloadName(pod.workload));
    } else {
      byKey.set(key, {
        representative: pod,
        pods: 1,
        workloads: new Set([workloadName(pod.workload)]),
      });
    }
  }
  return [...byKey.values()].map((c, index) => ({
    index,
    namespace: c.representative.namespace,
    representative: c.representative,
    pods: c.pods,
    workloads: c.workloads,
  }));
}

function readLabelKeys(
  policies: readonly NetworkPolicy[],
  services: Inventory['services'],
): Set<string> {
  const keys = new Set<string>();
  for (const policy of policies) {
    for (const k of selectorKeys(policy.podSelector)) keys.add(k);
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind === 'selector' && peer.podSelector)
          for (const k of selectorKeys(peer.podSelector)) keys.add(k);
      }
    }
  }
  for (const service of services) for (const k of Object.keys(service.selector ?? {})) keys.add(k);
  return keys;
}
