import {
  groupPods,
  podShapeKey,
  workloadName,
  type EvaluationOptions,
  type Inventory,
  type IpSet,
  type Pod,
} from '@fenceline/netpol';

/** The address sets of every cluster-policy `networks` peer: they match pod addresses too. */
function networkSets(inventory: Inventory): IpSet[] {
  return inventory.clusterPolicies.flatMap((p) =>
    [...p.ingress, ...p.egress].flatMap((r) =>
      r.peers.flatMap((peer) => (peer.kind === 'networks' ? [peer.addresses] : [])),
    ),
  );
}

/**
 * Groups pods that every policy treats alike (namespace, labels, container ports, hostNetwork,
 * and as much of the primary address as can matter) and that report as the same workload: a
 * pair query per group answers for every pod of it. With `ipBlockMatchesPods` the address
 * itself matters (NetworkPolicy ipBlocks match pods). Otherwise, as a `destination`, which
 * cluster-policy `networks` peers contain it (they always match pod addresses); as a `source`,
 * nothing (a source's address is never a cluster-policy ingress peer, and its own egress rules
 * look at the destination only).
 */
export function shapeGroups(
  pods: readonly Pod[],
  options: EvaluationOptions,
  inventory: Inventory,
  role: 'source' | 'destination' = 'destination',
): Pod[][] {
  const nets = role === 'destination' && !options.ipBlockMatchesPods ? networkSets(inventory) : [];
  const address = (pod: Pod): string => {
    const ip = pod.ips[0];
    if (!ip) return '';
    if (options.ipBlockMatchesPods) return `${ip.family}:${ip.value}`;
    return nets.map((n) => (n.contains(ip.family, ip.value) ? '1' : '0')).join('');
  };
  const key = (pod: Pod): string => podShapeKey(pod, workloadName(pod.workload), address(pod));
  return [...groupPods(pods, key).values()];
}

/** A pod of `group` other than `self` (pods of a group are interchangeable), if any. */
export function otherThan(group: readonly Pod[], self: Pod): Pod | undefined {
  return group.find((p) => p !== self);
}
