import { FAMILY_BITS, type IpFamily } from '../cidr/ip-address';
import type { IpRange } from '../cidr/ip-set';
import type { ClusterPolicy } from '../cluster/cluster-policy';
import type { NetworkPolicy } from '../policy/network-policy';
import { calicoCidrRanges } from '../cni/calico/calico-vocabulary';
import { ciliumAddressRanges } from '../cni/cilium/cilium-vocabulary';
import { antreaCidrRanges } from '../cni/antrea/antrea-vocabulary';
import type { Inventory } from '../inventory/inventory';

/** Every CIDR (and `except`) the policies name, as ranges (cluster policies' `networks` too). */
export function policyCidrRanges(
  policies: readonly NetworkPolicy[],
  clusterPolicies: readonly ClusterPolicy[] = [],
): IpRange[] {
  return [...policies, ...clusterPolicies].flatMap((p) => p.vocabulary.cidrs);
}

/**
 * Every CIDR an inventory's policies name: NetworkPolicies, cluster policies and the CNI's own
 * (Calico rules' nets and network sets; Cilium rules' CIDRs, CIDR groups and node addresses;
 * Antrea's ipBlocks and node addresses).
 */
export function inventoryCidrRanges(
  inventory: Pick<
    Inventory,
    'policies' | 'clusterPolicies' | 'calico' | 'cilium' | 'antrea' | 'nodes'
  >,
): IpRange[] {
  return [
    ...policyCidrRanges(inventory.policies, inventory.clusterPolicies),
    ...(inventory.calico ? calicoCidrRanges(inventory.calico) : []),
    ...(inventory.cilium ? ciliumAddressRanges(inventory).ranges : []),
    ...antreaCidrRanges(inventory),
  ];
}

/**
 * Cuts the address space into disjoint ranges at every boundary of `ranges`, so that every
 * address in one atom is treated alike by every ipBlock. IPv4 is always cut (one atom,
 * `0.0.0.0-255.255.255.255`, when nothing is named); IPv6 only when some range is IPv6.
 *
 * @example externalAtoms([parseCidr('10.0.0.0/8')!]).length // 3
 */
export function externalAtoms(ranges: readonly IpRange[]): IpRange[] {
  const families: IpFamily[] = ranges.some((r) => r.family === 6) ? [4, 6] : [4];
  const atoms: IpRange[] = [];
  for (const family of families) {
    const max = (1n << BigInt(FAMILY_BITS[family])) - 1n;
    const starts = new Set<bigint>([0n]);
    for (const r of ranges) {
      if (r.family !== family) continue;
      starts.add(r.first);
      if (r.last < max) starts.add(r.last + 1n);
    }
    const sorted = [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach((first, i) => {
      const next = sorted[i + 1];
      atoms.push({ family, first, last: next === undefined ? max : next - 1n });
    });
  }
  return atoms;
}
