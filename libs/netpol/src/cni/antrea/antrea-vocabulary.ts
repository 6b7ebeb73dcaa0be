import type { Cidr } from '../../cidr/cidr';
import { FAMILY_BITS } from '../../cidr/ip-address';
import type { Inventory } from '../../inventory/inventory';
import type { PolicyVocabulary } from '../../policy/network-policy';
import type { Protocol } from '../../ports/protocol';
import { matchesLabels, selectorKeys } from '../../selector/label-selector';
import type { AntreaObjects, AntreaSelection } from './antrea-objects';

function selections(antrea: AntreaObjects): AntreaSelection[] {
  const out: AntreaSelection[] = [];
  for (const p of antrea.policies) {
    out.push(...p.appliedTo);
    for (const r of [...p.ingress, ...p.egress]) out.push(...(r.appliedTo ?? []), ...r.peers);
  }
  for (const g of antrea.groups) if (g.members) out.push(g.members);
  return out;
}

/**
 * Every address range Antrea's objects name: the ipBlocks' CIDRs and excepts, and each address
 * of a node some node selector matches (external ranges and pod classes are cut there).
 *
 * @example antreaCidrRanges(inventory).length
 */
export function antreaCidrRanges(inventory: Pick<Inventory, 'antrea' | 'nodes'>): Cidr[] {
  const cidrs: Cidr[] = [];
  for (const s of inventory.antrea ? selections(inventory.antrea) : []) {
    if (s.kind === 'ipBlock') cidrs.push(...s.cidrs);
    else if (s.kind === 'nodes')
      for (const node of inventory.nodes)
        if (matchesLabels(s.nodeSelector, node.labels))
          for (const a of node.addresses)
            cidrs.push({
              family: a.family,
              first: a.value,
              last: a.value,
              prefix: FAMILY_BITS[a.family],
              hostBitsSet: false,
            });
  }
  return cidrs;
}

/**
 * What Antrea's objects can tell apart, for the fast model: the pod label keys of every pod
 * selector (appliedTo, peers, groups), the rules' port boundaries and named ports, and the
 * ranges of {@link antreaCidrRanges}.
 *
 * @example antreaVocabulary(inventory).podKeys // ['app', 'role']
 */
export function antreaVocabulary(inventory: Inventory): PolicyVocabulary {
  const antrea = inventory.antrea;
  if (!antrea) return { podKeys: [], portRanges: [], namedPorts: [], cidrs: [] };
  const podKeys = new Set<string>();
  for (const s of selections(antrea))
    if (s.kind === 'pods' && s.podSelector)
      selectorKeys(s.podSelector).forEach((k) => podKeys.add(k));
  const portRanges: { protocol: Protocol; from: number; to: number }[] = [];
  const namedPorts: { name: string; protocol: Protocol }[] = [];
  for (const p of antrea.policies)
    for (const r of [...p.ingress, ...p.egress])
      for (const port of r.ports) {
        if (typeof port.port === 'string')
          namedPorts.push({ name: port.port, protocol: port.protocol });
        else if (port.port !== undefined)
          portRanges.push({
            protocol: port.protocol,
            from: port.port,
            to: port.endPort ?? port.port,
          });
      }
  return { podKeys: [...podKeys], portRanges, namedPorts, cidrs: antreaCidrRanges(inventory) };
}

/**
 * Whether Antrea's objects match pods by address whatever the options: node selectors do
 * (host-network pods have their node's IP), so pods are then told apart by address atom.
 */
export function antreaMatchesPodAddresses(inventory: Inventory): boolean {
  return (
    inventory.antrea !== undefined && selections(inventory.antrea).some((s) => s.kind === 'nodes')
  );
}
