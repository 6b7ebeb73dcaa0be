import type { IpRange } from '../../cidr/ip-set';
import type { Inventory } from '../../inventory/inventory';
import type { PolicyVocabulary } from '../../policy/network-policy';
import type { Protocol } from '../../ports/protocol';
import type { CiliumPolicySpec, CiliumRule } from './cilium-objects';
import { ciliumSelectorPodKeys } from './cilium-selector';

const rulesOf = (spec: CiliumPolicySpec): CiliumRule[] => [
  ...spec.ingress,
  ...spec.ingressDeny,
  ...spec.egress,
  ...spec.egressDeny,
];

/**
 * The pod label keys, port boundaries and named ports a Cilium policy reads, for the fast
 * model (its addresses are {@link ciliumAddressRanges}'s).
 */
export function ciliumPolicyVocabulary(specs: readonly CiliumPolicySpec[]): PolicyVocabulary {
  const podKeys = new Set<string>();
  const portRanges: { protocol: Protocol; from: number; to: number }[] = [];
  const namedPorts: { name: string; protocol: Protocol }[] = [];
  for (const spec of specs) {
    if (spec.endpointSelector)
      ciliumSelectorPodKeys(spec.endpointSelector).forEach((k) => podKeys.add(k));
    for (const rule of rulesOf(spec)) {
      for (const peer of rule.peers ?? [])
        if (peer.kind === 'endpoints')
          ciliumSelectorPodKeys(peer.selector).forEach((k) => podKeys.add(k));
      for (const entry of rule.toPorts ?? [])
        for (const { protocols, port } of entry.ports)
          for (const protocol of protocols) {
            if (port.kind === 'named') namedPorts.push({ name: port.name, protocol });
            else portRanges.push({ protocol, from: Math.max(1, port.from), to: port.to });
          }
    }
  }
  return { podKeys: [...podKeys], portRanges, namedPorts, cidrs: [] };
}

/**
 * Every address range the Cilium objects tell apart: rule CIDRs (with their `except`s), CIDR
 * groups, and the nodes' addresses (the `host`/`remote-node` identities, which CIDRs and `world`
 * do not match). `matchPods`: some rule selects nodes by label, which host-network pods match
 * by their (node) address, so the model must tell pods apart by address.
 */
export function ciliumAddressRanges(inventory: Pick<Inventory, 'cilium' | 'nodes'>): {
  ranges: IpRange[];
  matchPods: boolean;
} {
  const ranges: IpRange[] = [];
  let matchPods = false;
  for (const policy of inventory.cilium?.policies ?? [])
    for (const spec of policy.specs)
      for (const rule of rulesOf(spec))
        for (const peer of rule.peers ?? []) {
          if (peer.kind === 'cidrs') ranges.push(...peer.cidrs.ranges);
          if (peer.kind === 'nodes') matchPods = true;
        }
  for (const group of inventory.cilium?.cidrGroups ?? []) ranges.push(...group.cidrs.ranges);
  for (const node of inventory.nodes)
    for (const a of node.addresses)
      ranges.push({ family: a.family, first: a.value, last: a.value });
  return { ranges, matchPods };
}
