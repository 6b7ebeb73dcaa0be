import { createHash } from 'node:crypto';

/** RFC 9562 §6.6 name space for URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID version 5 (RFC 9562 §5.5): SHA-1 of the name space's 16 bytes followed by
 * the UTF-8 name, truncated to 128 bits with the version and variant bits set. Equal input,
 * equal UUID.
 *
 * @example uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8') // '886313e1-3b8a-5372-9b90-0c9aee199e5d'
 */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID.test(namespace)) throw new TypeError(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The name space of every UUID Fenceline derives for OSCAL documents. */
export const FENCELINE_OSCAL_NAMESPACE = uuidV5('https://fenceline.dev/ns/oscal', URL_NAMESPACE);
