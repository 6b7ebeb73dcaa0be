import { formatCidr, isStrictSubnet, parseCidr, type Cidr } from '@fenceline/netpol';
import type { PeerSpec, PortSpec } from './baseline-content';
import { parseRawSelector } from './parse-selector';
import {
  checkKeys,
  describeValue,
  fieldPath,
  IssueList,
  quote,
  readList,
  readRecord,
} from './raw-input';

const PEER_KEYS = ['namespaceSelector', 'podSelector', 'cidr', 'except'] as const;
const PORT_KEYS = ['protocol', 'port', 'endPort'] as const;
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

/**
 * Validates a guardrail peer: a CIDR (with optional `except`s, each a strict subnet of it) or
 * selectors, never both. Host bits in a CIDR are rejected: in a guardrail they are a typo.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#IPBlock
 */
export function parsePeerSpec(
  issues: IssueList,
  value: unknown,
  path: string,
): PeerSpec | undefined {
  const record = readRecord(issues, value, path, true);
  if (!record) return undefined;
  const before = issues.count;
  checkKeys(issues, record, PEER_KEYS, path);
  const peer: PeerSpec = {};
  const namespaceSelector = parseRawSelector(
    issues,
    record['namespaceSelector'],
    fieldPath(path, 'namespaceSelector'),
    false,
  );
  const podSelector = parseRawSelector(
    issues,
    record['podSelector'],
    fieldPath(path, 'podSelector'),
    false,
  );
  if (namespaceSelector) peer.namespaceSelector = namespaceSelector.raw;
  if (podSelector) peer.podSelector = podSelector.raw;
  const hasCidr = record['cidr'] !== undefined && record['cidr'] !== null;
  const hasExcept = record['except'] !== undefined && record['except'] !== null;
  const hasSelector = ['namespaceSelector', 'podSelector'].some(
    (k) => record[k] !== undefined && record[k] !== null,
  );
  if (hasCidr && hasSelector)
    issues.add(path, 'cidr and selectors are mutually exclusive: use one or the other');
  if (hasExcept && !hasCidr) issues.add(fieldPath(path, 'except'), 'may only be given with a cidr');
  if (hasCidr) {
    const cidr = readCidr(issues, record['cidr'], fieldPath(path, 'cidr'));
    if (cidr) peer.cidr = formatCidr(cidr);
    const except: string[] = [];
    readList(issues, record['except'], fieldPath(path, 'except')).forEach((raw, i) => {
      const p = `${path}.except[${i}]`;
      const inner = readCidr(issues, raw, p);
      if (!inner || !cidr) return;
      if (!isStrictSubnet(inner, cidr))
        issues.add(
          p,
          `${quote(formatCidr(inner))} is not a strict subnet of cidr ${quote(formatCidr(cidr))}`,
        );
      else except.push(formatCidr(inner));
    });
    if (hasExcept) peer.except = except;
  }
  return issues.count > before ? undefined : peer;
}

function readCidr(issues: IssueList, value: unknown, path: string): Cidr | undefined {
  if (typeof value !== 'string') {
    issues.add(path, `expected a CIDR string, got ${describeValue(value)}`);
    return undefined;
  }
  const cidr = parseCidr(value);
  if (!cidr) {
    issues.add(path, `${quote(value)} is not a CIDR`);
    return undefined;
  }
  if (cidr.hostBitsSet) {
    issues.add(
      path,
      `${quote(value)} has host bits set (did you mean ${quote(formatCidr(cidr))}?)`,
    );
    return undefined;
  }
  return cidr;
}

/**
 * Validates guardrail ports: protocol TCP (default), UDP or SCTP; `port` and `endPort`
 * integers in 1..65535, `endPort` only with a `port` and not below it. Named ports are not
 * accepted (a guardrail is not attached to a pod that could resolve them).
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec
 */
export function parsePortSpecs(
  issues: IssueList,
  value: unknown,
  path: string,
): PortSpec[] | undefined {
  if (value === undefined || value === null) return undefined;
  const before = issues.count;
  const ports: PortSpec[] = [];
  readList(issues, value, path).forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const record = readRecord(issues, raw, p, true);
    if (!record) return;
    checkKeys(issues, record, PORT_KEYS, p);
    const spec: PortSpec = {};
    const protocol = record['protocol'];
    if (protocol !== undefined && protocol !== null) {
      if (typeof protocol === 'string' && (PROTOCOLS as readonly string[]).includes(protocol))
        spec.protocol = protocol as PortSpec['protocol'];
      else
        issues.add(
          `${p}.protocol`,
          `${describeValue(protocol)} is not a protocol (TCP, UDP, SCTP)`,
        );
    }
    const port = readPort(issues, record['port'], `${p}.port`);
    const endPort = readPort(issues, record['endPort'], `${p}.endPort`);
    if (port !== undefined) spec.port = port;
    if (endPort !== undefined) {
      if (record['port'] === undefined || record['port'] === null)
        issues.add(`${p}.endPort`, 'may only be given with a port');
      else if (port !== undefined && endPort < port)
        issues.add(`${p}.endPort`, `endPort ${endPort} is below port ${port}`);
      spec.endPort = endPort;
    }
    ports.push(spec);
  });
  return issues.count > before ? undefined : ports;
}

function readPort(issues: IssueList, value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535)
    return value;
  issues.add(
    path,
    `${describeValue(value)} is not a port: expected an integer between 1 and 65535 (named ports are not supported in guardrails)`,
  );
  return undefined;
}
