import type { IssueSink } from '../../errors/issue-sink';
import { PROTOCOLS, type Protocol } from '../../ports/protocol';
import { describe, isUnset, readArray, readObject, readString } from '../../raw/read-field';
import type { CalicoRule } from './calico-objects';
import { parseEntity } from './parse-calico-entity';

const ACTIONS = ['Allow', 'Deny', 'Pass', 'Log'] as const;

/** Protocol numbers of the three the engine evaluates (IANA). */
const PROTOCOL_NUMBERS: Readonly<Record<number, Protocol>> = { 6: 'TCP', 17: 'UDP', 132: 'SCTP' };
/** Names Calico accepts besides TCP/UDP/SCTP; they match none of the three. */
const OTHER_PROTOCOLS = new Set(['ICMP', 'ICMPv6', 'UDPLite']);
/** Protocols that may carry ports. */
const PORT_PROTOCOLS = new Set(['TCP', 'UDP', 'SCTP', 'UDPLite']);

const RULE_FIELDS = new Set([
  'action',
  'protocol',
  'notProtocol',
  'icmp',
  'notICMP',
  'ipVersion',
  'source',
  'destination',
  'http',
  'metadata',
]);

/**
 * Reads one rule. `protocol`/`notProtocol` accept names or numbers 1–255; only TCP, UDP and SCTP
 * are evaluated, so a rule for another protocol matches none of the engine's connections (it is
 * kept for display). Source ports cannot be evaluated (connections are keyed by destination
 * port): an Allow with them is taken as allowing, a Deny as not denying — never closed when open
 * — and both are marked not evaluated.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#rule
 */
export function parseCalicoRule(
  sink: IssueSink,
  raw: unknown,
  path: string,
  index: number,
): CalicoRule | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) {
    if (isUnset(raw)) sink.add('MISSING_FIELD', path, 'a rule must be an object');
    return undefined;
  }
  for (const key of Object.keys(obj)) {
    if (!RULE_FIELDS.has(key))
      sink.add('INVALID_TYPE', `${path}.${key}`, `unknown field ${JSON.stringify(key)}`);
  }
  const actionText = readString(sink, obj['action'], `${path}.action`);
  const action = ACTIONS.find((a) => a === actionText);
  if (!action) {
    sink.add(
      actionText === undefined ? 'MISSING_FIELD' : 'INVALID_ACTION',
      `${path}.action`,
      actionText === undefined
        ? 'action is required (Allow, Deny, Pass, Log)'
        : `unknown action ${JSON.stringify(actionText)} (Allow, Deny, Pass, Log)`,
    );
  }
  const positive = readProtocol(sink, obj['protocol'], `${path}.protocol`);
  const negative = readProtocol(sink, obj['notProtocol'], `${path}.notProtocol`);
  let protocols: Protocol[] =
    positive === undefined ? [...PROTOCOLS] : positive.protocol ? [positive.protocol] : [];
  if (negative?.protocol) protocols = protocols.filter((p) => p !== negative.protocol);
  const ipVersionRaw = obj['ipVersion'];
  let ipVersion: 4 | 6 | undefined;
  if (!isUnset(ipVersionRaw)) {
    if (ipVersionRaw === 4 || ipVersionRaw === 6) ipVersion = ipVersionRaw;
    else
      sink.add(
        'INVALID_TYPE',
        `${path}.ipVersion`,
        `ipVersion must be 4 or 6, got ${describe(ipVersionRaw)}`,
      );
  }
  const source = parseEntity(sink, obj['source'], `${path}.source`);
  const destination = parseEntity(sink, obj['destination'], `${path}.destination`);
  const hasPorts =
    destination.ports.length +
      destination.notPorts.length +
      source.ports.length +
      source.notPorts.length >
    0;
  if (hasPorts && (!positive || !PORT_PROTOCOLS.has(positive.text))) {
    sink.add(
      'INVALID_FIELD_COMBINATION',
      `${path}.protocol`,
      'ports and notPorts need protocol TCP, UDP, SCTP or UDPLite',
    );
  }
  const notEvaluated: string[] = [];
  if (source.ports.length + source.notPorts.length > 0) notEvaluated.push('source ports');
  if (!isUnset(obj['http'])) notEvaluated.push(`HTTP match ${JSON.stringify(obj['http'])}`);
  if (!isUnset(obj['icmp']) || !isUnset(obj['notICMP'])) notEvaluated.push('ICMP type/code');
  if (!action) return undefined;
  return { index, action, protocols, ipVersion, source, destination, notEvaluated };
}

function readProtocol(
  sink: IssueSink,
  raw: unknown,
  path: string,
): { text: string; protocol: Protocol | undefined } | undefined {
  if (isUnset(raw)) return undefined;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 1 || raw > 255) {
      sink.add('INVALID_PROTOCOL', path, `protocol number ${raw} must be 1 to 255`);
      return undefined;
    }
    const protocol = PROTOCOL_NUMBERS[raw];
    return { text: protocol ?? String(raw), protocol };
  }
  const text = readString(sink, raw, path);
  if (text === undefined) return undefined;
  const upper = text.toUpperCase();
  const named = PROTOCOLS.find((p) => p === upper);
  if (named) return { text: named, protocol: named };
  const other = [...OTHER_PROTOCOLS].find((p) => p.toUpperCase() === upper);
  if (other) return { text: other, protocol: undefined };
  if (/^\d+$/.test(text)) return readProtocol(sink, Number(text), path);
  sink.add(
    'INVALID_PROTOCOL',
    path,
    `unknown protocol ${JSON.stringify(text)} (TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite, 1-255)`,
  );
  return undefined;
}

/** Reads a rule list (`spec.ingress`/`spec.egress`). */
export function parseCalicoRules(sink: IssueSink, raw: unknown, path: string): CalicoRule[] {
  const list = readArray(sink, raw, path) ?? [];
  return list.flatMap((item, i) => {
    const rule = parseCalicoRule(sink, item, `${path}[${i}]`, i);
    return rule ? [rule] : [];
  });
}
