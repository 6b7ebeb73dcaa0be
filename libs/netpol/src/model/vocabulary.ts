import type { IpRange } from '../cidr/ip-set';
import { policyCidrRanges } from '../connlist/external-atoms';
import type { Inventory } from '../inventory/inventory';
import type { Protocol } from '../ports/protocol';
import type { NetworkPolicy } from '../policy/network-policy';

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
  const portCuts: Record<Protocol, Set<number>> = { SCTP: new Set(), TCP: new Set(), UDP: new Set() };
  const cut = (protocol: Protocol, from: number, to: number): void => {
    portCuts[protocol].add(from);
    portCuts[protocol].add(to + 1);
  };
  const cidrs: IpRange[] = [];
  for (const inventory of inventories) {
    const addRules = (rules: NetworkPolicy['ingress']): void => {
      for (const rule of rules) {
        if (rule.peers) {
          for (const peer of rule.peers) {
            if (peer.kind === 'selector' && peer.podSelector) for (const r of peer.podSelector.requirements) podKeys.add(r.key);
          }
        }
        for (const port of rule.ports) {
          if (typeof port.port === 'number') cut(port.protocol, port.port, port.endPort ?? port.port);
          else if (typeof port.port === 'string') addName(port.port, port.protocol);
        }
      }
    };
    for (const policy of inventory.policies) {
      for (const r of policy.podSelector.requirements) podKeys.add(r.key);
      addRules(policy.ingress);
      addRules(policy.egress);
    }
    cidrs.push(...policyCidrRanges(inventory.policies));
    for (const service of inventory.services) {
      Object.keys(service.selector ?? {}).forEach((k) => podKeys.add(k));
      for (const sp of service.ports) {
        if (typeof sp.targetPort === 'number') cut(sp.protocol, sp.targetPort, sp.targetPort);
        else addName(sp.targetPort, sp.protocol);
      }
    }
    for (const exposure of inventory.exposures) {
      if (exposure.port?.kind === 'targetPort' && typeof exposure.port.value === 'number') {
        for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) cut(protocol, exposure.port.value, exposure.port.value);
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
  return { podKeys: [...podKeys].sort(), portNames, portCuts, cidrs };
}

/** Whether a container port's name (and protocol) is one that some rule or Service resolves. */
export function usesNamedPort(
  portNames: Vocabulary['portNames'],
  name: string | undefined,
  protocol: Protocol,
): boolean {
  return name !== undefined && portNames.get(name)?.has(protocol) === true;
}
