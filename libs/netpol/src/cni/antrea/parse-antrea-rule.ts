import type { IssueSink } from '../../errors/issue-sink';
import type { Direction } from '../../policy/network-policy';
import { parsePolicyPort, parsePortNumber } from '../../policy/parse-port';
import {
  isRawObject,
  isUnset,
  readArray,
  readBoolean,
  readObject,
  readString,
  type RawObject,
} from '../../raw/read-field';
import type { AntreaAction, AntreaPort, AntreaRule } from './antrea-objects';
import { parseSelections, readNamespacedName, type SelectionOwner } from './parse-antrea-selection';

const ACTIONS: readonly AntreaAction[] = ['Allow', 'Drop', 'Reject', 'Pass'];

const COMMON_FIELDS = [
  'action',
  'appliedTo',
  'ports',
  'protocols',
  'l7Protocols',
  'name',
  'enableLogging',
  'logLabel',
];
const RULE_FIELDS: Record<Direction, ReadonlySet<string>> = {
  ingress: new Set([...COMMON_FIELDS, 'from']),
  egress: new Set([...COMMON_FIELDS, 'to', 'toServices']),
};

/**
 * Reads one ingress or egress rule of an Antrea-native policy: `action` is one of "Allow",
 * "Drop", "Reject", "Pass" (the CRD's enum; the `Deny` of some examples in the Antrea docs is
 * refused by it), `from`/`to`, `toServices` ("cannot be used with `to`, `ports` or
 * `protocols`"), `ports` with `endPort` and named ports, `protocols` (ICMP, IGMP), `l7Protocols`
 * ("The `action` of a layer 7 rule can only be `Allow`"), `enableLogging`/`logLabel`.
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#the-antrea-clusternetworkpolicy-resource
 *
 * @example parseAntreaRule(sink, { action: 'Drop' }, 'spec.ingress[0]', 0, owner, 'ingress')?.peers // []
 */
export function parseAntreaRule(
  sink: IssueSink,
  raw: unknown,
  path: string,
  index: number,
  owner: SelectionOwner,
  direction: Direction,
): AntreaRule | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) {
    if (isUnset(raw)) sink.add('MISSING_FIELD', path, 'a rule must be an object');
    return undefined;
  }
  const before = sink.count;
  for (const key of Object.keys(obj)) {
    if (!RULE_FIELDS[direction].has(key))
      sink.add(
        'INVALID_TYPE',
        `${path}.${key}`,
        `unknown field ${JSON.stringify(key)} in an ${direction} rule`,
      );
  }
  const actionText = readString(sink, obj['action'], `${path}.action`);
  const action = ACTIONS.find((a) => a === actionText);
  if (!action)
    sink.add(
      actionText === undefined ? 'MISSING_FIELD' : 'INVALID_ACTION',
      `${path}.action`,
      actionText === undefined
        ? 'action is required (Allow, Drop, Reject, Pass)'
        : `unknown action ${JSON.stringify(actionText)} (Allow, Drop, Reject, Pass)`,
    );
  const peerField = direction === 'ingress' ? 'from' : 'to';
  const peers =
    parseSelections(sink, obj[peerField], `${path}.${peerField}`, owner, peerField) ?? [];
  const appliedTo = parseSelections(
    sink,
    obj['appliedTo'],
    `${path}.appliedTo`,
    owner,
    'appliedTo',
  );
  const ports = readPorts(sink, obj['ports'], `${path}.ports`);
  const otherProtocols = readProtocols(sink, obj, path, action);
  const toServices = (readArray(sink, obj['toServices'], `${path}.toServices`) ?? []).flatMap(
    (s, i) => {
      const ref = readNamespacedName(sink, s, `${path}.toServices[${i}]`, owner.namespace);
      return ref ? [ref] : [];
    },
  );
  if (
    !isUnset(obj['toServices']) &&
    (peers.length > 0 || !isUnset(obj['ports']) || !isUnset(obj['protocols']))
  )
    sink.add(
      'INVALID_FIELD_COMBINATION',
      `${path}.toServices`,
      'toServices cannot be used with to, ports or protocols',
    );
  const l7 = readL7(sink, obj, path, action, ports);
  const name = readString(sink, obj['name'], `${path}.name`);
  const enableLogging = readBoolean(sink, obj['enableLogging'], `${path}.enableLogging`) ?? false;
  const logLabel = readString(sink, obj['logLabel'], `${path}.logLabel`);
  if (!action || sink.count > before) return undefined;
  return {
    index,
    name: name === '' ? undefined : name,
    action,
    appliedTo: appliedTo && appliedTo.length > 0 ? appliedTo : undefined,
    peers,
    toServices,
    ports,
    otherProtocols,
    l7,
    enableLogging,
    logLabel,
  };
}

/** `ports[]`: a `NetworkPolicyPort` plus `sourcePort`/`sourceEndPort`. */
function readPorts(sink: IssueSink, raw: unknown, path: string): AntreaPort[] {
  return (readArray(sink, raw, path) ?? []).flatMap((item, i) => {
    const p = `${path}[${i}]`;
    const port = parsePolicyPort(sink, item, p);
    const obj = isRawObject(item) ? item : {};
    const hasSource = !isUnset(obj['sourcePort']);
    const from = hasSource
      ? parsePortNumber(sink, obj['sourcePort'], `${p}.sourcePort`)
      : undefined;
    if (!isUnset(obj['sourceEndPort'])) {
      const to = parsePortNumber(sink, obj['sourceEndPort'], `${p}.sourceEndPort`);
      if (!hasSource)
        sink.add('END_PORT_WITHOUT_PORT', `${p}.sourceEndPort`, 'sourceEndPort needs sourcePort');
      else if (from !== undefined && to !== undefined && to < from)
        sink.add(
          'END_PORT_BELOW_PORT',
          `${p}.sourceEndPort`,
          `sourceEndPort ${to} is below sourcePort ${from}`,
        );
    }
    return port ? [{ ...port, sourcePorts: hasSource }] : [];
  });
}

/** `protocols[]`: each exactly one of `icmp`, `igmp`; IGMP stands alone and takes no Pass/Reject. */
function readProtocols(
  sink: IssueSink,
  obj: RawObject,
  path: string,
  action: AntreaAction | undefined,
): string[] {
  const out: string[] = [];
  (readArray(sink, obj['protocols'], `${path}.protocols`) ?? []).forEach((item, i) => {
    const p = `${path}.protocols[${i}]`;
    const entry = readObject(sink, item, p);
    if (!entry) return;
    const keys = Object.keys(entry).filter((k) => !isUnset(entry[k]));
    if (keys.length !== 1 || (keys[0] !== 'icmp' && keys[0] !== 'igmp')) {
      sink.add('INVALID_PROTOCOL', p, 'a protocols entry sets exactly one of icmp, igmp');
      return;
    }
    readObject(sink, entry[keys[0]], `${p}.${keys[0]}`);
    out.push(keys[0].toUpperCase());
  });
  if (out.includes('IGMP')) {
    const other = ['ports', 'toServices', 'from', 'to'].some((k) => !isUnset(obj[k]));
    if (other || out.includes('ICMP'))
      sink.add(
        'INVALID_FIELD_COMBINATION',
        `${path}.protocols`,
        'protocol IGMP can not be used with other protocols or other properties like from, to',
      );
    if (action === 'Pass' || action === 'Reject')
      sink.add('INVALID_ACTION', `${path}.action`, 'protocol IGMP does not support Pass or Reject');
  }
  return out;
}

/** `l7Protocols[]` as text; "layer 7 protocols only support Allow", HTTP only over TCP. */
function readL7(
  sink: IssueSink,
  obj: RawObject,
  path: string,
  action: AntreaAction | undefined,
  ports: readonly AntreaPort[],
): string[] {
  const list = readArray(sink, obj['l7Protocols'], `${path}.l7Protocols`) ?? [];
  if (list.length === 0) return [];
  if (action !== undefined && action !== 'Allow')
    sink.add('INVALID_ACTION', `${path}.action`, 'layer 7 protocols only support Allow');
  if (!isUnset(obj['toServices']))
    sink.add(
      'INVALID_FIELD_COMBINATION',
      `${path}.l7Protocols`,
      'layer 7 protocols can not be used with toServices',
    );
  const out: string[] = [];
  list.forEach((item, i) => {
    const entry = readObject(sink, item, `${path}.l7Protocols[${i}]`);
    if (!entry) return;
    if (!isUnset(entry['http'])) {
      if (ports.some((p) => p.protocol !== 'TCP'))
        sink.add(
          'INVALID_FIELD_COMBINATION',
          `${path}.l7Protocols[${i}].http`,
          'HTTP protocol can only be used when layer 4 protocol is TCP or unset',
        );
      out.push(`HTTP ${JSON.stringify(entry['http'])}`);
    } else if (!isUnset(entry['tls'])) out.push(`TLS ${JSON.stringify(entry['tls'])}`);
    else
      sink.add(
        'INVALID_PROTOCOL',
        `${path}.l7Protocols[${i}]`,
        'an l7Protocols entry sets http or tls',
      );
  });
  return out;
}
