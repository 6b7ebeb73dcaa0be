import { parseCidr } from '../../cidr/cidr';
import { IpSet } from '../../cidr/ip-set';
import type { IssueSink } from '../../errors/issue-sink';
import { portNameError } from '../../policy/parse-port';
import { MAX_PORT, MIN_PORT } from '../../ports/port-set';
import { describe, isUnset, readArray, readObject, readString } from '../../raw/read-field';
import type { CalicoEntity, CalicoPort } from './calico-objects';
import { readCalicoSelector } from './read-calico-selector';

/** Reads `nets`/`notNets`: a list of CIDRs (a bare address is a /32 or /128, as Calico accepts). */
export function readNets(sink: IssueSink, raw: unknown, path: string): IpSet | undefined {
  const list = readArray(sink, raw, path);
  if (!list) return undefined;
  let set = IpSet.EMPTY;
  list.forEach((item, i) => {
    const text = readString(sink, item, `${path}[${i}]`);
    if (text === undefined) return;
    const cidr = parseCidr(text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`);
    if (!cidr) {
      sink.add('INVALID_CIDR', `${path}[${i}]`, `${JSON.stringify(text)} is not a valid CIDR`);
      return;
    }
    set = set.union(IpSet.fromRange(cidr));
  });
  return set;
}

/**
 * Reads a ports list: integers, `"start:end"` ranges and named ports.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#ports
 */
export function readPorts(sink: IssueSink, raw: unknown, path: string): CalicoPort[] {
  const list = readArray(sink, raw, path) ?? [];
  const ports: CalicoPort[] = [];
  list.forEach((item, i) => {
    const at = `${path}[${i}]`;
    const port = parsePort(sink, item, at);
    if (port) ports.push(port);
  });
  return ports;
}

function parsePort(sink: IssueSink, item: unknown, at: string): CalicoPort | undefined {
  const inRange = (n: number): boolean => Number.isInteger(n) && n >= MIN_PORT - 1 && n <= MAX_PORT;
  if (typeof item === 'number') {
    if (!inRange(item)) {
      sink.add('PORT_OUT_OF_RANGE', at, `port ${item} must be between 0 and 65535`);
      return undefined;
    }
    return { kind: 'range', from: item, to: item };
  }
  if (typeof item !== 'string') {
    sink.add('INVALID_TYPE', at, `expected a port number, range or name, got ${describe(item)}`);
    return undefined;
  }
  const range = /^(\d+):(\d+)$/.exec(item);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (!inRange(from) || !inRange(to) || from > to) {
      sink.add(
        'INVALID_PORT_RANGE',
        at,
        `${JSON.stringify(item)} is not a range start:end within 0..65535`,
      );
      return undefined;
    }
    return { kind: 'range', from, to };
  }
  if (/^\d+$/.test(item)) return parsePort(sink, Number(item), at);
  const error = portNameError(item);
  if (error) {
    sink.add('INVALID_PORT_NAME', at, `port name ${JSON.stringify(item)} ${error}`);
    return undefined;
  }
  return { kind: 'named', name: item };
}

const ENTITY_FIELDS = new Set([
  'nets',
  'notNets',
  'selector',
  'notSelector',
  'namespaceSelector',
  'ports',
  'notPorts',
  'serviceAccounts',
  'services',
]);

/**
 * Reads a rule's `source` or `destination`.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#entityrule
 */
export function parseEntity(sink: IssueSink, raw: unknown, path: string): CalicoEntity {
  const obj = readObject(sink, raw, path) ?? {};
  for (const key of Object.keys(obj)) {
    if (!ENTITY_FIELDS.has(key))
      sink.add('INVALID_TYPE', `${path}.${key}`, `unknown field ${JSON.stringify(key)}`);
  }
  const sa = readObject(sink, obj['serviceAccounts'], `${path}.serviceAccounts`);
  const svc = readObject(sink, obj['services'], `${path}.services`);
  let service: CalicoEntity['service'];
  if (svc) {
    const name = readString(sink, svc['name'], `${path}.services.name`);
    const namespace = readString(sink, svc['namespace'], `${path}.services.namespace`);
    if (!name) sink.add('MISSING_FIELD', `${path}.services.name`, 'a service match needs a name');
    else service = { name, namespace: namespace ?? '' };
  }
  return {
    nets: readNets(sink, obj['nets'], `${path}.nets`),
    notNets: readNets(sink, obj['notNets'], `${path}.notNets`),
    selector: readCalicoSelector(sink, obj['selector'], `${path}.selector`),
    notSelector: readCalicoSelector(sink, obj['notSelector'], `${path}.notSelector`),
    namespaceSelector: readCalicoSelector(
      sink,
      obj['namespaceSelector'],
      `${path}.namespaceSelector`,
    ),
    serviceAccounts: sa
      ? {
          names: (readArray(sink, sa['names'], `${path}.serviceAccounts.names`) ?? []).flatMap(
            (n, i) => {
              const s = readString(sink, n, `${path}.serviceAccounts.names[${i}]`);
              return s === undefined ? [] : [s];
            },
          ),
          selector: readCalicoSelector(sink, sa['selector'], `${path}.serviceAccounts.selector`),
        }
      : undefined,
    service,
    ports: readPorts(sink, obj['ports'], `${path}.ports`),
    notPorts: readPorts(sink, obj['notPorts'], `${path}.notPorts`),
  };
}

/** Whether an entity has no criterion at all (it matches every packet). */
export function isEmptyEntity(e: CalicoEntity): boolean {
  return (
    isUnset(e.nets) &&
    isUnset(e.notNets) &&
    !e.selector &&
    !e.notSelector &&
    !e.namespaceSelector &&
    !e.serviceAccounts &&
    !e.service &&
    e.ports.length === 0 &&
    e.notPorts.length === 0
  );
}
