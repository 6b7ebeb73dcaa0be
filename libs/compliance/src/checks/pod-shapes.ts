import { workloadName, type EvaluationOptions, type Inventory, type Pod } from '@fenceline/netpol';

/**
 * Whether a pod's address can change a verdict: NetworkPolicy ipBlocks match pods only with
 * `ipBlockMatchesPods`, but cluster-policy `networks` peers always match pod addresses.
 */
export function addressesMatter(inventory: Inventory, options: EvaluationOptions): boolean {
  return (
    options.ipBlockMatchesPods ||
    inventory.clusterPolicies.some((p) =>
      [...p.ingress, ...p.egress].some((r) => r.peers.some((peer) => peer.kind === 'networks')),
    )
  );
}

/**
 * Groups pods that every policy treats alike (namespace, labels, container ports, hostNetwork,
 * and the primary IP when {@link addressesMatter}) and that report as the same workload: a pair
 * query per group answers for every pod of it.
 */
export function shapeGroups(
  pods: readonly Pod[],
  options: EvaluationOptions,
  inventory: Inventory,
): Pod[][] {
  const byAddress = addressesMatter(inventory, options);
  const groups = new Map<string, Pod[]>();
  for (const pod of pods) {
    const labels = Object.entries(pod.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const ports = pod.ports.map((p) => `${p.name ?? ''}/${p.protocol}/${p.port}`).sort();
    const ip = byAddress && pod.ips[0] ? `${pod.ips[0].family}:${pod.ips[0].value}` : '';
    const key = JSON.stringify([
      workloadName(pod.workload),
      pod.namespace,
      labels,
      ports,
      pod.hostNetwork,
      ip,
    ]);
    const list = groups.get(key);
    if (list) list.push(pod);
    else groups.set(key, [pod]);
  }
  return [...groups.values()];
}

/** A pod of `group` other than `self` (pods of a group are interchangeable), if any. */
export function otherThan(group: readonly Pod[], self: Pod): Pod | undefined {
  return group.find((p) => p !== self);
}
