import { formatIpRange, type IpRange } from '../cidr/ip-set';
import type { WorkloadRef } from '../inventory/inventory';

/** The peer name of the ingress controller in connectivity lists. */
export const INGRESS_CONTROLLER_PEER = '{ingress-controller}';

/**
 * A workload in the connectivity-list notation.
 *
 * @example workloadName({ namespace: 'shop', name: 'web', kind: 'Deployment' }) // 'shop/web[Deployment]'
 */
export function workloadName(workload: WorkloadRef): string {
  return `${workload.namespace}/${workload.name}[${workload.kind}]`;
}

/**
 * An external range in the connectivity-list notation.
 *
 * @example externalName({ family: 4, first: 0n, last: 167772159n }) // '0.0.0.0-9.255.255.255[External]'
 */
export function externalName(range: IpRange): string {
  return `${formatIpRange(range)}[External]`;
}
