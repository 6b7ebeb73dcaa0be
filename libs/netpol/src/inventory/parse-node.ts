import { parseIp, type IpAddress } from '../cidr/ip-address';
import type { IssueSink } from '../errors/issue-sink';
import type { ObjectRef } from '../errors/object-ref';
import {
  readArray,
  readObject,
  readString,
  readStringMap,
  type RawObject,
} from '../raw/read-field';
import { isDns1123Subdomain } from '../selector/label-syntax';
import { checkLabels } from './check-labels';
import type { InventoryNode } from './inventory';

/**
 * The address types a `nodes` peer matches: the node's own IPs. `Hostname`, `InternalDNS` and
 * `ExternalDNS` entries are names, not addresses.
 * See https://kubernetes.io/docs/reference/node/node-status/#addresses
 */
export const NODE_ADDRESS_TYPES: ReadonlySet<string> = new Set(['InternalIP', 'ExternalIP']);

/**
 * Reads a `v1` Node: name (a DNS subdomain), labels, and the InternalIP/ExternalIP entries of
 * `status.addresses`. An invalid label is reported (the node is dropped by the caller, as the
 * API server would refuse it); an invalid address is reported and left out.
 *
 * @example parseNode(sink, nodeObject, ref).addresses // [{ family: 4, value: 167772161n }]
 */
export function parseNode(sink: IssueSink, object: RawObject, ref: ObjectRef): InventoryNode {
  const metadata = readObject(sink, object['metadata'], 'metadata') ?? {};
  const labels = readStringMap(sink, metadata['labels'], 'metadata.labels');
  checkLabels(sink, labels, 'metadata.labels');
  if (!isDns1123Subdomain(ref.name))
    sink.add(
      'INVALID_NAME',
      'metadata.name',
      `${JSON.stringify(ref.name)} is not a valid node name (RFC 1123 subdomain)`,
    );
  const status = readObject(sink, object['status'], 'status') ?? {};
  const addresses: IpAddress[] = [];
  (readArray(sink, status['addresses'], 'status.addresses') ?? []).forEach((raw, i) => {
    const path = `status.addresses[${i}]`;
    const entry = readObject(sink, raw, path);
    if (!entry) return;
    const type = readString(sink, entry['type'], `${path}.type`);
    const text = readString(sink, entry['address'], `${path}.address`);
    if (!type || !NODE_ADDRESS_TYPES.has(type) || text === undefined) return;
    const ip = parseIp(text);
    if (!ip) {
      sink.add(
        'INVALID_IP',
        `${path}.address`,
        `${JSON.stringify(text)} is not a valid IP address`,
      );
      return;
    }
    if (!addresses.some((a) => a.family === ip.family && a.value === ip.value)) addresses.push(ip);
  });
  return { ref, name: ref.name, labels, addresses };
}
