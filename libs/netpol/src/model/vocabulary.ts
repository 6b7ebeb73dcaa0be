import type { IpRange } from '../cidr/ip-set';
import type { Inventory } from '../inventory/inventory';
import type { PolicyVocabulary } from '../policy/network-policy';
import type { Protocol } from '../ports/protocol';
import { calicoCidrRanges } from '../cni/calico/calico-vocabulary';
import { ciliumAddressRanges } from '../cni/cilium/cilium-vocabulary';
import { antreaMatchesPodAddresses, antreaVocabulary } from '../cni/antrea/antrea-vocabulary';

/**
 * What the policies of one or more inventories can tell apart: the pod label keys any selector
 * (or Service selector) reads, the container port names they resolve, the port boundaries and
 * the CIDRs. Two models built over one vocabulary have aligned classes and atoms.
 */
export interface Vocabulary {
  readonly podKeys: readonly string[];
  /** Every named port a rule or a Service targetPort uses: name → protocols. */
  readonly portNames: ReadonlyMap<string, ReadonlySet<Protocol>>;
  readonly portCuts: Readonly<Record<Protocol, ReadonlySet<number>>>;
  readonly cidrs: readonly IpRange[];
  /**
   * Whether some cluster policy has a `networks` peer: those match pod addresses too, so pods
   * are then told apart by the atom of their address.
   */
  readonly networksMatchPods: boolean;
  /** Whether pods are told apart by service account (CNI policies can select by it). */
  readonly serviceAccounts: boolean;
}

/**
 * Collects the vocabulary of the given inventories (usually one; two for an aligned diff).
 *
 * @example vocabularyOf([inventory]).podKeys // ['app', 'tier']
 */
export function vocabularyOf(inventories: readonly Inventory[]): Vocabulary {
  const podKeys = new Set<string>();
  const portNames = new Map<string, Set<Protocol>>();
  const addName = (name: string, protocol: Protocol): void => {
    const protocols = portNames.get(name);
    if (protocols) protocols.add(protocol);
    else portNames.set(name, new Set([protocol]));
  };
  const portCuts: Record<Protocol, Set<number>> = {
    SCTP: new Set(),
    TCP: new Set(),
    UDP: new Set(),
  };
  const cut = (protocol: Protocol, from: number, to: number): void => {
    portCuts[protocol].add(from);
    portCuts[protocol].add(to + 1);
  };
  const cidrs: IpRange[] = [];
  let networksMatchPods = false;
  let serviceAccounts = false;
  for (const inventory of inventories) {
    if (inventory.calico) {
      serviceAccounts = true;
      const ranges = calicoCidrRanges(inventory.calico);
      if (ranges.length > 0) networksMatchPods = true;
      cidrs.push(...ranges);
    }
    if (inventory.cilium) {
      // Cilium selects by service account too; its CIDRs match no pod, node selectors do.
      serviceAccounts = true;
      const addresses = ciliumAddressRanges(inventory);
      if (addresses.matchPods) networksMatchPods = true;
      cidrs.push(...addresses.ranges);
    }
    for (const policy of inventory.clusterPolicies) {
      if (policy.vocabulary.cidrs.length > 0) networksMatchPods = true;
    }
    if (inventory.antrea) {
      serviceAccounts = true;
      if (antreaMatchesPodAddresses(inventory)) networksMatchPods = true;
    }
    for (const v of policyVocabularies(inventory)) {
      for (const key of v.podKeys) podKeys.add(key);
      for (const r of v.portRanges) cut(r.protocol, r.from, r.to);
      for (const n of v.namedPorts) addName(n.name, n.protocol);
      for (const c of v.cidrs) cidrs.push(c);
    }
    for (const service of inventory.services) {
      Object.keys(service.selector ?? {}).forEach((k) => podKeys.add(k));
      for (const sp of service.ports) {
        if (typeof sp.targetPort === 'number') cut(sp.protocol, sp.targetPort, sp.targetPort);
        else addName(sp.targetPort, sp.protocol);
      }
    }
    for (const exposure of inventory.exposures) {
      if (exposure.port?.kind === 'targetPort' && typeof exposure.port.value === 'number') {
        for (const protocol of ['TCP', 'UDP', 'SCTP'] as const)
          cut(protocol, exposure.port.value, exposure.port.value);
      }
    }
  }
  if (portNames.size > 0) {
    for (const inventory of inventories) {
      for (const pod of inventory.pods) {
        for (const cp of pod.ports) {
          if (usesNamedPort(portNames, cp.name, cp.protocol)) cut(cp.protocol, cp.port, cp.port);
        }
      }
    }
  }
  return {
    podKeys: [...podKeys].sort(),
    portNames,
    portCuts,
    cidrs,
    networksMatchPods,
    serviceAccounts,
  };
}

/** Whether a container port's name (and protocol) is one that some rule or Service resolves. */
export function usesNamedPort(
  portNames: Vocabulary['portNames'],
  name: string | undefined,
  protocol: Protocol,
): boolean {
  return name !== undefined && portNames.get(name)?.has(protocol) === true;
}

/** The vocabularies of every NetworkPolicy and cluster policy, in order. */
function policyVocabularies(inventory: Inventory): PolicyVocabulary[] {
  const out: PolicyVocabulary[] = [];
  for (const p of inventory.policies) out.push(p.vocabulary);
  for (const p of inventory.clusterPolicies) out.push(p.vocabulary);
  for (const p of inventory.calico?.policies ?? []) out.push(p.vocabulary);
  for (const p of inventory.cilium?.policies ?? []) out.push(p.vocabulary);
  if (inventory.antrea) out.push(antreaVocabulary(inventory));
  return out;
}
