import { createHash } from 'node:crypto';
import { z } from 'zod';
import { REPORTS_API_VERSION } from '../json/json-export';
import type { ReportSubject } from '../model/report-input';

export const MANIFEST_PATH = 'manifest.json';

/** Files every pack holds besides `manifest.json` and the `policyreport/` files. */
export const REQUIRED_PACK_FILES = [
  'report.json',
  'report.csv',
  'report.pdf',
  'oscal/assessment-results.json',
] as const;

/** One file of a pack: its path inside the zip, SHA-256 (lowercase hex) and size. */
export interface EvidencePackFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * `manifest.json` of an evidence pack. It lists every other file; the pack as a whole is
 * identified by the SHA-256 of the zip, which the next pack records as `previousPackSha256`.
 *
 * @example { apiVersion: 'fenceline.dev/v1alpha1', kind: 'EvidencePack', subject, generatedAt, files: [], previousPackSha256: null }
 */
export interface EvidencePackManifest {
  readonly apiVersion: typeof REPORTS_API_VERSION;
  readonly kind: 'EvidencePack';
  readonly subject: ReportSubject;
  readonly generatedAt: string;
  readonly files: readonly EvidencePackFile[];
  readonly previousPackSha256: string | null;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Lowercase hex SHA-256. */
export const sha256Hex = (data: Uint8Array | string): string =>
  createHash('sha256').update(data).digest('hex');

const sha256 = z.string().regex(SHA256_HEX, 'must be a lowercase hex SHA-256');

/** Shape check of a manifest read back from a pack; the subject is compared, not re-validated. */
export const evidencePackManifestSchema = z.strictObject({
  apiVersion: z.literal(REPORTS_API_VERSION),
  kind: z.literal('EvidencePack'),
  subject: z.looseObject({ generatedAt: z.string() }),
  generatedAt: z.string(),
  files: z.array(
    z.strictObject({ path: z.string().min(1), sha256, bytes: z.number().int().min(0) }),
  ),
  previousPackSha256: sha256.nullable(),
});

/**
 * Safe, unique `policyreport/<cluster>.json` paths keyed by cluster id: the cluster name with
 * characters outside `[A-Za-z0-9._-]` replaced, the id appended where two names would clash.
 *
 * @example policyReportPaths([{ id: 'c1', name: 'prod-eu' }]).get('c1') // 'policyreport/prod-eu.json'
 */
export function policyReportPaths(
  clusters: readonly { id: string; name: string }[],
): Map<string, string> {
  const clean = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  const base = new Map(clusters.map((c) => [c.id, clean(c.name) || clean(c.id) || 'cluster']));
  const counts = new Map<string, number>();
  for (const name of base.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const paths = new Map<string, string>();
  const used = new Set<string>();
  for (const [id, name] of base) {
    let stem = (counts.get(name) ?? 0) > 1 ? `${name}-${clean(id) || 'cluster'}` : name;
    for (let n = 2; used.has(stem); n++) stem = `${name}-${n}`;
    used.add(stem);
    paths.set(id, `policyreport/${stem}.json`);
  }
  return paths;
}
