import type { IssueSink } from '../errors/issue-sink';
import { isProtocol, type Protocol } from '../ports/protocol';
import { MAX_PORT, MIN_PORT } from '../ports/port-set';
import { describe, isUnset, readObject, readString } from '../raw/read-field';
import type { PolicyPort } from './network-policy';

const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * Why a port name is not a valid IANA service name (≤ 15 lowercase alphanumerics and `-`, at
 * least one letter, no `--`), or `undefined` when it is valid.
 */
export function portNameError(name: string): string | undefined {
  if (name.length === 0 || name.length > 15) return 'must be 1 to 15 characters';
  if (!IANA_SVC_NAME.test(name))
    return "must contain only lowercase alphanumerics and '-', starting and ending with an alphanumeric";
  if (name.includes('--')) return "must not contain consecutive '-'";
  if (!/[a-z]/.test(name)) return 'must contain at least one letter';
  return undefined;
}

/** Reads a protocol field; defaults to TCP as the API server does. */
export function parseProtocol(sink: IssueSink, raw: unknown, path: string): Protocol {
  const text = readString(sink, raw, path);
  if (text === undefined) return 'TCP';
  if (isProtocol(text)) return text;
  sink.add(
    'INVALID_PROTOCOL',
    path,
    `unsupported protocol ${JSON.stringify(text)} (TCP, UDP, SCTP)`,
  );
  return 'TCP';
}

/** Reads a port number, checking the 1..65535 range. */
export function parsePortNumber(sink: IssueSink, raw: unknown, path: string): number | undefined {
  if (isUnset(raw)) {
    sink.add('MISSING_FIELD', path, 'a port number is required');
    return undefined;
  }
  if (typeof raw !== 'number' || !Number.isInteger(raw)) {
    sink.add('INVALID_TYPE', path, `expected an integer port, got ${describe(raw)}`);
    return undefined;
  }
  if (raw < MIN_PORT || raw > MAX_PORT) {
    sink.add('PORT_OUT_OF_RANGE', path, `port ${raw} must be between 1 and 65535, inclusive`);
    return undefined;
  }
  return raw;
}

/**
 * Validates one `NetworkPolicyPort`.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec
 */
export function parsePolicyPort(
  sink: IssueSink,
  raw: unknown,
  path: string,
): PolicyPort | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) return undefined;
  const before = sink.count;
  const protocol = parseProtocol(sink, obj['protocol'], `${path}.protocol`);
  const rawPort = obj['port'];
  let port: number | string | undefined;
  if (typeof rawPort === 'string' && !/^\d+$/.test(rawPort)) {
    const err = portNameError(rawPort);
    if (err) sink.add('INVALID_PORT_NAME', `${path}.port`, `${JSON.stringify(rawPort)}: ${err}`);
    port = rawPort;
  } else if (typeof rawPort === 'string') {
    // IntOrString given as a digit string: the API server treats it as a (numeric-looking) name
    // and rejects it, since a name must contain a letter.
    sink.add(
      'INVALID_PORT_NAME',
      `${path}.port`,
      `${JSON.stringify(rawPort)}: must contain at least one letter`,
    );
  } else if (!isUnset(rawPort)) {
    port = parsePortNumber(sink, rawPort, `${path}.port`);
  }
  let endPort: number | undefined;
  if (!isUnset(obj['endPort'])) {
    endPort = parsePortNumber(sink, obj['endPort'], `${path}.endPort`);
    if (typeof port === 'string') {
      sink.add(
        'END_PORT_WITH_NAMED_PORT',
        `${path}.endPort`,
        'may not be specified when port is a named port',
      );
    } else if (isUnset(rawPort)) {
      sink.add(
        'END_PORT_WITHOUT_PORT',
        `${path}.endPort`,
        'may not be specified without a numeric port',
      );
    } else if (port !== undefined && endPort !== undefined && endPort < port) {
      sink.add(
        'END_PORT_BELOW_PORT',
        `${path}.endPort`,
        `endPort ${endPort} must be greater than or equal to port ${port}`,
      );
    }
  }
  if (sink.count > before) return undefined;
  return { protocol, port, endPort };
}
