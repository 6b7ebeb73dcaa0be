import { ConnectionSet } from './connection-set';
import { PortSet } from './port-set';

/**
 * DNS: UDP 53, and TCP 53 for truncated and large answers (RFC 7766 makes TCP mandatory) — what
 * a workload needs to reach its cluster DNS.
 */
export const DNS_PORTS: ConnectionSet = ConnectionSet.of('UDP', PortSet.range(53, 53)).union(
  ConnectionSet.of('TCP', PortSet.range(53, 53)),
);
