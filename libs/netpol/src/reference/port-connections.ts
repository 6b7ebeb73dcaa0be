import type { PolicyPort } from '../policy/network-policy';
import { ConnectionSet } from '../ports/connection-set';
import { PortSet } from '../ports/port-set';
import type { Endpoint } from './traffic';

/** The connections one rule port admits towards `dst` (named ports resolved on `dst`). */
export function portConnections(port: PolicyPort, dst: Endpoint): ConnectionSet {
  if (port.port === undefined) return ConnectionSet.of(port.protocol, PortSet.ALL);
  if (typeof port.port === 'number')
    return ConnectionSet.of(port.protocol, PortSet.range(port.port, port.endPort ?? port.port));
  if (dst.kind !== 'pod') return ConnectionSet.NONE;
  const numbers = dst.pod.ports
    .filter((cp) => cp.name === port.port && cp.protocol === port.protocol)
    .map((cp) => [cp.port, cp.port] as const);
  return ConnectionSet.of(port.protocol, PortSet.fromRanges(numbers));
}
