import type { IpRange } from '../../cidr/ip-set';
import type { CalicoEntity, CalicoObjects } from './calico-objects';

/** Every address range Calico objects name: rules' `nets`/`notNets` and network sets' `nets`. */
export function calicoCidrRanges(calico: CalicoObjects): IpRange[] {
  const ranges: IpRange[] = [];
  const entity = (e: CalicoEntity): void => {
    if (e.nets) ranges.push(...e.nets.ranges);
    if (e.notNets) ranges.push(...e.notNets.ranges);
  };
  for (const p of calico.policies) {
    for (const r of [...p.ingress, ...p.egress]) {
      entity(r.source);
      entity(r.destination);
    }
  }
  for (const set of calico.networkSets) ranges.push(...set.nets.ranges);
  return ranges;
}
