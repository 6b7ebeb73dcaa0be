import { createHash } from 'node:crypto';
import { canonicalJson } from '@fenceline/netpol';
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

/** netpol's canonical JSON (baseline hashes use it too), where snapshot code meets it. */
export { canonicalJson };
