import { createHash } from 'node:crypto';
import type { InventorySnapshot } from './snapshot.schema';

/**
 * The identity of the cluster state a snapshot describes: SHA-256 (hex) of its canonical JSON
 * (object keys sorted, arrays in order) without `collectedAt`, so the same state pushed twice
 * hashes the same and is stored once.
 *
 * @example snapshotContentHash(snapshot) // 'e3b0c442…'
 */
export function snapshotContentHash(snapshot: InventorySnapshot): string {
  return createHash('sha256')
    .update(canonicalJson({ ...snapshot, collectedAt: undefined }))
    .digest('hex');
}

/** JSON with object keys in code-unit order at every level; `undefined` members are left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
