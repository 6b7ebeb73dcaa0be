import { gzipSync } from 'node:zlib';
import { createSnapshot, snapshotContentHash, type InventorySnapshot, type SnapshotSource } from '@fenceline/contracts';
import { buildInventory, type ValidationIssue } from '@fenceline/netpol';

type Raw = Record<string, unknown>;

export interface SnapshotContext {
  readonly collectedAt: Date;
  readonly source: SnapshotSource;
  readonly clusterName?: string;
}

/** A snapshot ready to send: its gzip body, sizes and content hash (equal content, equal hash). */
export interface PreparedSnapshot {
  readonly body: Buffer;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly contentHash: string;
  readonly collectedAt: string;
  readonly counts: { readonly namespaces: number; readonly pods: number; readonly policies: number; readonly services: number };
}

/**
 * The snapshot of objects exactly as `fenceline snapshot` builds it from manifests (the same
 * inventory builder and the same `createSnapshot`), so a cluster and its exported YAML give the
 * same snapshot. Objects the engine finds invalid are left out as the CLI leaves them out, and
 * come back as issues for the log.
 */
export function buildSnapshot(objects: readonly Raw[], context: SnapshotContext): { snapshot: InventorySnapshot; issues: readonly ValidationIssue[] } {
  const inventory = buildInventory(objects.map((object) => ({ object, source: describeObject(object) })));
  const snapshot = createSnapshot(inventory, {
    collectedAt: context.collectedAt,
    source: context.source,
    ...(context.clusterName !== undefined ? { cluster: { name: context.clusterName } } : {}),
  });
  return { snapshot, issues: inventory.issues };
}

export function prepareSnapshot(snapshot: InventorySnapshot): PreparedSnapshot {
  const json = Buffer.from(JSON.stringify(snapshot));
  const body = gzipSync(json);
  return {
    body,
    rawBytes: json.length,
    gzipBytes: body.length,
    contentHash: snapshotContentHash(snapshot),
    collectedAt: snapshot.collectedAt,
    counts: { namespaces: snapshot.namespaces.length, pods: snapshot.pods.length, policies: snapshot.policies.length, services: snapshot.services.length },
  };
}

/** A short id of a content hash for log lines. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

function describeObject(object: Raw): string {
  const metadata = (object['metadata'] ?? {}) as Raw;
  const namespace = typeof metadata['namespace'] === 'string' ? `${metadata['namespace']}/` : '';
  return `cluster ${String(object['kind'])} ${namespace}${String(metadata['name'])}`;
}
