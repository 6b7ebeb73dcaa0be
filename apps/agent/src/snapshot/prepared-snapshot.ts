import { gzipSync } from 'node:zlib';
import {
  snapshotContentHash,
  type InventorySnapshot,
  type SnapshotSource,
} from '@fenceline/contracts';

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
  readonly counts: {
    readonly namespaces: number;
    readonly pods: number;
    readonly policies: number;
    readonly services: number;
  };
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
    counts: {
      namespaces: snapshot.namespaces.length,
      pods: snapshot.pods.length,
      policies: snapshot.policies.length,
      services: snapshot.services.length,
    },
  };
}

/** A short id of a content hash for log lines. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
