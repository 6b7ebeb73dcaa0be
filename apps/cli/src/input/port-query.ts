import { isProtocol, type Protocol } from '@fenceline/netpol';
import { InvalidArgumentError } from 'commander';

export interface PortQuery {
  readonly protocol: Protocol;
  readonly port: number;
}

const PORT_QUERY = /^(\d{1,5})(?:\/([A-Za-z]+))?$/;

/**
 * Parses `--port`: `N` or `N/PROTOCOL` (TCP, UDP, SCTP; case-insensitive; TCP by default).
 *
 * @example parsePortQuery('53/udp') // { protocol: 'UDP', port: 53 }
 */
export function parsePortQuery(text: string): PortQuery {
  const match = PORT_QUERY.exec(text.trim());
  const port = Number(match?.[1]);
  const protocol = (match?.[2] ?? 'TCP').toUpperCase();
  if (!match || port < 1 || port > 65535 || !isProtocol(protocol)) {
    throw new InvalidArgumentError(
      'expected N or N/PROTOCOL, with N in 1-65535 and PROTOCOL one of TCP, UDP, SCTP (e.g. 8080 or 53/UDP)',
    );
  }
  return { protocol, port };
}
