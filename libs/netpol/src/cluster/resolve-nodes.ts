import type { Cidr } from '../cidr/cidr';
import { FAMILY_BITS, type IpAddress } from '../cidr/ip-address';
import { IpSet } from '../cidr/ip-set';
import type { InventoryNode } from '../inventory/inventory';
import { matchesLabels } from '../selector/label-selector';
import type { ClusterPeer, ClusterPolicy, ClusterRule } from './cluster-policy';

/**
 * Resolves every `nodes` peer against the inventory's nodes, once: the peer gets `addresses`,
 * the InternalIP/ExternalIP addresses of the nodes its selector matches, and from then on
 * behaves like a `networks` peer over exactly those addresses (external addresses equal to a
 * node IP, and pods whose primary IP is one: host-network pods). Each address is also added to
 * the policy's vocabulary as a single-address CIDR, so the fast model cuts its address atoms
 * there and tells pods apart by address. Policies without unresolved `nodes` peers are returned
 * as they are, so policies brought in from elsewhere (a drift baseline's) can be resolved against
 * another inventory's nodes without resolving the others twice.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha2.ClusterNetworkPolicyEgressPeer
 *
 * @example resolveNodePeers(policies, nodes)[0].egress[0].peers[0].addresses
 */
export function resolveNodePeers(
  policies: readonly ClusterPolicy[],
  nodes: readonly InventoryNode[],
): ClusterPolicy[] {
  const cache = new Map<ClusterPeer, { peer: ClusterPeer; cidrs: readonly Cidr[] }>();
  return policies.map((policy) => {
    if (!policy.egress.some((r) => r.peers.some(isUnresolved))) return policy;
    const extra: Cidr[] = [];
    const egress = policy.egress.map((rule): ClusterRule => {
      if (!rule.peers.some(isUnresolved)) return rule;
      const peers = rule.peers.map((peer) => {
        if (peer.kind !== 'nodes' || peer.addresses) return peer;
        let resolved = cache.get(peer);
        if (!resolved) {
          const cidrs = nodes
            .filter((n) => matchesLabels(peer.nodeSelector, n.labels))
            .flatMap((n) => n.addresses.map(hostCidr));
          resolved = { peer: { ...peer, addresses: IpSet.fromRanges(cidrs) }, cidrs };
          cache.set(peer, resolved);
        }
        extra.push(...resolved.cidrs);
        return resolved.peer;
      });
      return { ...rule, peers };
    });
    return {
      ...policy,
      egress,
      vocabulary: { ...policy.vocabulary, cidrs: [...policy.vocabulary.cidrs, ...extra] },
    };
  });
}

/** A `nodes` peer not yet resolved (resolved ones keep the nodes they were resolved against). */
function isUnresolved(peer: ClusterPeer): boolean {
  return peer.kind === 'nodes' && peer.addresses === undefined;
}

/** One address as a `/32` (IPv4) or `/128` (IPv6) block. */
function hostCidr(address: IpAddress): Cidr {
  const prefix = FAMILY_BITS[address.family];
  return {
    family: address.family,
    first: address.value,
    last: address.value,
    prefix,
    hostBitsSet: false,
  };
}
