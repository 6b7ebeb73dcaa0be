import type { IssueSink } from '../../errors/issue-sink';
import { portNameError } from '../../policy/parse-port';
import { MAX_PORT } from '../../ports/port-set';
import { PROTOCOLS, type Protocol } from '../../ports/protocol';
import { describe, isUnset, readArray, readObject, readString } from '../../raw/read-field';
import type { CiliumPort, CiliumPortRule } from './cilium-objects';

/** `protocol` values and what the engine evaluates of them ("ANY", omitted or empty: TCP, UDP, SCTP). */
const EVALUATED: Readonly<Record<string, readonly Protocol[]>> = {
  TCP: ['TCP'],
  UDP: ['UDP'],
  SCTP: ['SCTP'],
  ANY: PROTOCOLS,
  '': PROTOCOLS,
};
/** Protocols Cilium accepts that carry no TCP/UDP/SCTP port: they match none of the engine's. */
const OTHER_PROTOCOLS = new Set([
  'ICMP',
  'ICMPV6',
  'VRRP',
  'IGMP',
  'GRE',
  'IPIP',
  'IPV6',
  'ESP',
  'AH',
]);

const PORT_RULE_FIELDS = new Set([
  'ports',
  'rules',
  'terminatingTLS',
  'originatingTLS',
  'serverNames',
  'listener',
]);
const L7_KINDS = ['http', 'kafka', 'dns', 'l7proto'] as const;

function unknownFields(sink: IssueSink, obj: object, allowed: ReadonlySet<string>, path: string) {
  for (const key of Object.keys(obj))
    if (!allowed.has(key))
      sink.add('INVALID_TYPE', `${path}.${key}`, `unknown field ${JSON.stringify(key)}`);
}

/**
 * Reads one `PortProtocol`: `port` a number (`"0"`: every port) or a named port ("a name in the
 * form of "http" or "http-8080"", compared case-insensitively), `endPort` ("ignored if Port is
 * a named port"), `protocol` TCP, UDP, SCTP or ANY (omitted: any).
 * See https://docs.cilium.io/en/latest/security/policy/layer4/
 */
function readPort(sink: IssueSink, raw: unknown, path: string): CiliumPort | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) return undefined;
  unknownFields(sink, obj, new Set(['port', 'endPort', 'protocol']), path);
  const protocolText = (readString(sink, obj['protocol'], `${path}.protocol`) ?? '').toUpperCase();
  let protocols = EVALUATED[protocolText];
  if (!protocols) {
    if (!OTHER_PROTOCOLS.has(protocolText))
      sink.add(
        'INVALID_PROTOCOL',
        `${path}.protocol`,
        `unknown protocol ${JSON.stringify(protocolText)} (TCP, UDP, SCTP, ANY)`,
      );
    protocols = [];
  }
  const rawPort = obj['port'];
  if (typeof rawPort !== 'string') {
    sink.add(
      isUnset(rawPort) ? 'MISSING_FIELD' : 'INVALID_TYPE',
      `${path}.port`,
      isUnset(rawPort)
        ? 'port is required'
        : `port must be a string (e.g. "80"), got ${describe(rawPort)}`,
    );
    return undefined;
  }
  if (/^\d+$/.test(rawPort)) {
    const from = Number(rawPort);
    const endPort = readEndPort(sink, obj['endPort'], `${path}.endPort`);
    if (from > MAX_PORT) {
      sink.add('PORT_OUT_OF_RANGE', `${path}.port`, `port ${from} must be between 0 and 65535`);
      return undefined;
    }
    if (from === 0) return { protocols, port: { kind: 'range', from: 0, to: MAX_PORT } };
    const to = endPort !== undefined && endPort > from ? endPort : from;
    return { protocols, port: { kind: 'range', from, to } };
  }
  const name = rawPort.toLowerCase();
  const error = portNameError(name);
  if (error) {
    sink.add('INVALID_PORT_NAME', `${path}.port`, `port name ${JSON.stringify(rawPort)} ${error}`);
    return undefined;
  }
  return { protocols, port: { kind: 'named', name } };
}

function readEndPort(sink: IssueSink, raw: unknown, path: string): number | undefined {
  if (isUnset(raw)) return undefined;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= MAX_PORT) return raw;
  sink.add(
    'PORT_OUT_OF_RANGE',
    path,
    `endPort must be an integer from 0 to 65535, got ${describe(raw)}`,
  );
  return undefined;
}

/**
 * Reads a rule's `toPorts`. Deny rules take ports only; allow rules may add L7 `rules`, TLS
 * `serverNames` and an Envoy `listener`, which are kept as what the entry restricts beyond L4.
 * Undefined when unset or empty (every port).
 * See https://docs.cilium.io/en/latest/security/policy/layer4/
 */
export function readToPorts(
  sink: IssueSink,
  raw: unknown,
  path: string,
  deny: boolean,
): CiliumPortRule[] | undefined {
  const list = readArray(sink, raw, path);
  if (!list || list.length === 0) return undefined;
  return list.map((item, i) => {
    const at = `${path}[${i}]`;
    const obj = readObject(sink, item, at) ?? {};
    unknownFields(sink, obj, deny ? new Set(['ports']) : PORT_RULE_FIELDS, at);
    const ports = (readArray(sink, obj['ports'], `${at}.ports`) ?? []).flatMap((p, j) => {
      const port = readPort(sink, p, `${at}.ports[${j}]`);
      return port ? [port] : [];
    });
    if (deny) return { ports, notEvaluated: [] };
    const notEvaluated = l7Notes(sink, obj['rules'], `${at}.rules`, ports);
    const names = readArray(sink, obj['serverNames'], `${at}.serverNames`);
    if (names && names.length > 0) notEvaluated.push(`TLS SNI ${names.map(String).join(', ')}`);
    const listener = readObject(sink, obj['listener'], `${at}.listener`);
    if (listener) notEvaluated.push(`Envoy listener ${String(listener['name'] ?? '')}`);
    return { ports, notEvaluated };
  });
}

/**
 * What an L7 `rules` section restricts, for display, after Cilium's own checks: one rule type
 * per entry, not with port 0, TCP only except DNS, and no port range for DNS.
 * See https://docs.cilium.io/en/latest/security/policy/layer7/
 */
function l7Notes(sink: IssueSink, raw: unknown, path: string, ports: CiliumPort[]): string[] {
  const obj = readObject(sink, raw, path);
  if (!obj) return [];
  unknownFields(sink, obj, new Set([...L7_KINDS, 'l7']), path);
  const kinds = L7_KINDS.filter((k) => !isUnset(obj[k]));
  if (kinds.length > 1)
    sink.add(
      'INVALID_FIELD_COMBINATION',
      path,
      `only one L7 rule type per entry (${kinds.join(', ')})`,
    );
  const kind = kinds[0];
  if (!kind) return [];
  for (const p of ports) {
    if (p.port.kind !== 'range') continue;
    if (p.port.from === 0)
      sink.add('INVALID_FIELD_COMBINATION', path, 'L7 rules can not be used when a port is 0');
    else if (kind === 'dns' && p.port.to > p.port.from)
      sink.add('INVALID_FIELD_COMBINATION', path, 'DNS rules do not support port ranges');
  }
  if (kind !== 'dns' && ports.some((p) => p.protocols.length !== 1 || p.protocols[0] !== 'TCP'))
    sink.add('INVALID_FIELD_COMBINATION', path, 'L7 rules can only apply to TCP, except DNS rules');
  if (kind === 'l7proto') return [`L7 ${String(obj['l7proto'])} rules`];
  const entries = (readArray(sink, obj[kind], `${path}.${kind}`) ?? []).map((e) =>
    describeL7(kind, readObject(sink, e, `${path}.${kind}`) ?? {}),
  );
  const label = { http: 'HTTP', kafka: 'Kafka', dns: 'DNS' }[kind];
  return [`L7 ${label} rules (${entries.join('; ') || 'any request'})`];
}

function describeL7(kind: 'http' | 'kafka' | 'dns', e: Readonly<Record<string, unknown>>): string {
  const text = (key: string): string | undefined =>
    typeof e[key] === 'string' && e[key] !== '' ? (e[key] as string) : undefined;
  if (kind === 'dns') return text('matchName') ?? text('matchPattern') ?? 'any name';
  if (kind === 'kafka')
    return [
      text('role') ?? text('apiKey') ?? 'any request',
      text('topic') && `topic ${text('topic')}`,
    ]
      .filter(Boolean)
      .join(' ');
  const parts = [text('method') ?? 'any method', text('path') ?? 'any path'];
  if (text('host')) parts.push(`host ${text('host')}`);
  if (!isUnset(e['headers']) || !isUnset(e['headerMatches'])) parts.push('with headers');
  return parts.join(' ');
}
