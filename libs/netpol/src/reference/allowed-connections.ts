import type { Inventory } from '../inventory/inventory';
import type { Direction, PolicyPort } from '../policy/network-policy';
import { ConnectionSet } from '../ports/connection-set';
import { PortSet } from '../ports/port-set';
import { isolatingPolicies } from './evaluate';
import { rulePeersMatch } from './peer-match';
import { DEFAULT_OPTIONS, type Endpoint, type EvaluationOptions } from './traffic';

/**
 * Every (protocol, port) on which `src` may open a connection to `dst`: the union of what the
 * matching egress rules at `src` allow, intersected with the union of what the matching ingress
 * rules at `dst` allow. Agrees with {@link isAllowed} on every single port (tested).
 *
 * @example allowedConnections(inv, a, b).toString() // 'TCP 80,UDP 53'
 */
export function allowedConnections(
  inventory: Inventory,
  src: Endpoint,
  dst: Endpoint,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): ConnectionSet {
  const egress = directionConnections(inventory, 'egress', src, dst, options);
  if (egress.isEmpty) return egress;
  return egress.intersect(directionConnections(inventory, 'ingress', src, dst, options));
}

function directionConnections(
  inventory: Inventory,
  direction: Direction,
  src: Endpoint,
  dst: Endpoint,
  options: EvaluationOptions,
): ConnectionSet {
  const subject = direction === 'egress' ? src : dst;
  const peer = direction === 'egress' ? dst : src;
  if (subject.kind !== 'pod') return ConnectionSet.ALL;
  const policies = isolatingPolicies(inventory, subject.pod, direction, options);
  if (policies.length === 0) return ConnectionSet.ALL;
  let result = ConnectionSet.NONE;
  for (const policy of policies) {
    for (const rule of policy[direction]) {
      if (!rulePeersMatch(inventory, policy, rule, peer, options)) continue;
      if (rule.ports.length === 0) return ConnectionSet.ALL;
      for (const port of rule.ports) result = result.union(portConnections(port, dst));
    }
  }
  return result;
}

/** The connections one rule port admits towards `dst` (named ports resolved on `dst`). */
export function portConnections(port: PolicyPort, dst: Endpoint): ConnectionSet {
  if (port.port === undefined) return ConnectionSet.of(port.protocol, PortSet.ALL);
  if (typeof port.port === 'number') return ConnectionSet.of(port.protocol, PortSet.range(port.port, port.endPort ?? port.port));
  if (dst.kind !== 'pod') return ConnectionSet.NONE;
  const numbers = dst.pod.ports
    .filter((cp) => cp.name === port.port && cp.protocol === port.protocol)
    .map((cp) => [cp.port, cp.port] as const);
  return ConnectionSet.of(port.protocol, PortSet.fromRanges(numbers));
}
