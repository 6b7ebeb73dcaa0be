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
  let name = names.get(workload);
  if (name === undefined) {
    name = `${workload.namespace}/${workload.name}[${workload.kind}]`;
    names.set(workload, name);
  }
  return name;
}

/** Names are asked for again and again (every model build folds every pod): built once per ref. */
const names = new WeakMap<WorkloadRef, string>();

/**
 * An external range in the connectivity-list notation.
 *
 * @example externalName({ family: 4, first: 0n, last: 167772159n }) // '0.0.0.0-9.255.255.255[External]'
 */
export function externalName(range: IpRange): string {
  return `${formatIpRange(range)}[External]`;
}
