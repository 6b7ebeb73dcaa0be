import type { IssueSink } from '../errors/issue-sink';
import type { PolicyPort } from '../policy/network-policy';
import { parsePortNumber, parseProtocol, portNameError } from '../policy/parse-port';
import { PROTOCOLS, type Protocol } from '../ports/protocol';
import { isUnset, readArray, readObject, readString, type RawObject } from '../raw/read-field';

/** What one parsed port list holds: the ports, and whether any is a named port. */
export interface ParsedPorts {
  readonly ports: PolicyPort[];
  readonly named: boolean;
}

/**
 * A named port of a cluster policy names a container port whatever its protocol, so it stands
 * for the name on each protocol.
 */
function namedPort(name: string): PolicyPort[] {
  return PROTOCOLS.map((protocol) => ({ protocol, port: name, endPort: undefined }));
}

function readNamedPort(sink: IssueSink, raw: unknown, path: string): PolicyPort[] {
  const name = readString(sink, raw, path);
  if (name === undefined) return [];
  const err = portNameError(name);
  if (err) {
    sink.add('INVALID_PORT_NAME', path, `${JSON.stringify(name)}: ${err}`);
    return [];
  }
  return namedPort(name);
}

function readRange(
  sink: IssueSink,
  obj: RawObject,
  path: string,
  protocol: Protocol,
): PolicyPort | undefined {
  const start = parsePortNumber(sink, obj['start'], `${path}.start`);
  const end = parsePortNumber(sink, obj['end'], `${path}.end`);
  if (start === undefined || end === undefined) return undefined;
  if (start >= end) {
    sink.add('INVALID_PORT_RANGE', path, `start ${start} must be less than end ${end}`);
    return undefined;
  }
  return { protocol, port: start, endPort: end };
}

/** Exactly one of the fields in `allowed` must be set; returns its name. */
function exactlyOne(
  sink: IssueSink,
  obj: RawObject,
  allowed: readonly string[],
  path: string,
): string | undefined {
  const present = allowed.filter((k) => !isUnset(obj[k]));
  if (present.length !== 1) {
    sink.add('INVALID_PEER', path, `exactly one of ${allowed.join(', ')} must be set`);
    return undefined;
  }
  return present[0];
}

/**
 * v1alpha2 `protocols`: each item one of `tcp`/`udp`/`sctp` (with `destinationPort`: `number` or
 * `range {start, end}`, start < end) or `destinationNamedPort`.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha2.ClusterNetworkPolicyProtocol
 */
export function parseProtocols(
  sink: IssueSink,
  raw: unknown,
  path: string,
  maxItems: number,
): ParsedPorts {
  const ports: PolicyPort[] = [];
  let named = false;
  readItems(sink, raw, path, maxItems, 'protocols').forEach(({ item, p }) => {
    const field = exactlyOne(sink, item, ['tcp', 'udp', 'sctp', 'destinationNamedPort'], p);
    if (field === undefined) return;
    if (field === 'destinationNamedPort') {
      named = true;
      ports.push(...readNamedPort(sink, item[field], `${p}.${field}`));
      return;
    }
    const protocol = field.toUpperCase() as Protocol;
    const proto = readObject(sink, item[field], `${p}.${field}`);
    const dp = proto
      ? readObject(sink, proto['destinationPort'], `${p}.${field}.destinationPort`)
      : undefined;
    if (!dp) {
      sink.add('MISSING_FIELD', `${p}.${field}.destinationPort`, 'destinationPort is required');
      return;
    }
    const dpPath = `${p}.${field}.destinationPort`;
    const which = exactlyOne(sink, dp, ['number', 'range'], dpPath);
    if (which === 'number') {
      const n = parsePortNumber(sink, dp['number'], `${dpPath}.number`);
      if (n !== undefined) ports.push({ protocol, port: n, endPort: undefined });
    } else if (which === 'range') {
      const range = readObject(sink, dp['range'], `${dpPath}.range`);
      const parsed = range ? readRange(sink, range, `${dpPath}.range`, protocol) : undefined;
      if (parsed) ports.push(parsed);
    }
  });
  return { ports, named };
}

/**
 * v1alpha1 `ports`: each item one of `portNumber {protocol, port}`, `namedPort`, or
 * `portRange {protocol, start, end}`; protocol defaults to TCP.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha1.AdminNetworkPolicyPort
 */
export function parseAdminPorts(
  sink: IssueSink,
  raw: unknown,
  path: string,
  maxItems: number,
): ParsedPorts {
  const ports: PolicyPort[] = [];
  let named = false;
  readItems(sink, raw, path, maxItems, 'ports').forEach(({ item, p }) => {
    const field = exactlyOne(sink, item, ['portNumber', 'namedPort', 'portRange'], p);
    if (field === 'namedPort') {
      named = true;
      ports.push(...readNamedPort(sink, item[field], `${p}.namedPort`));
    } else if (field === 'portNumber' || field === 'portRange') {
      const obj = readObject(sink, item[field], `${p}.${field}`);
      if (!obj) return;
      const protocol = parseProtocol(sink, obj['protocol'], `${p}.${field}.protocol`);
      if (field === 'portRange') {
        const parsed = readRange(sink, obj, `${p}.portRange`, protocol);
        if (parsed) ports.push(parsed);
      } else {
        const n = parsePortNumber(sink, obj['port'], `${p}.portNumber.port`);
        if (n !== undefined) ports.push({ protocol, port: n, endPort: undefined });
      }
    }
  });
  return { ports, named };
}

/** The objects of a port list that, when set, holds 1 to `maxItems` items, with their paths. */
function readItems(
  sink: IssueSink,
  raw: unknown,
  path: string,
  maxItems: number,
  field: string,
): { item: RawObject; p: string }[] {
  const items = readArray(sink, raw, path);
  if (items && items.length === 0) {
    sink.add('MISSING_FIELD', path, `${field}, when set, must list at least one item`);
  }
  if (items && items.length > maxItems)
    sink.add('TOO_MANY_ITEMS', path, `at most ${maxItems} items`);
  const out: { item: RawObject; p: string }[] = [];
  (items ?? []).forEach((rawItem, i) => {
    const item = readObject(sink, rawItem, `${path}[${i}]`);
    if (item) out.push({ item, p: `${path}[${i}]` });
  });
  return out;
}

/** The canonical text of a port list: equal keys admit equal ports. */
export function portsKeyOf(ports: readonly PolicyPort[]): string {
  return ports.map((p) => `${p.protocol}/${p.port}/${p.endPort}`).join(',');
}
