import { zipSync, type Zippable } from 'fflate';
import { toCsvExport } from '../csv/csv-export';
import { REPORTS_API_VERSION, toJsonExport } from '../json/json-export';
import type { ClusterFrameworkReport, ReportSubject } from '../model/report-input';
import { ReportInputError } from '../model/report-input-error';
import { parseTimestamp } from '../model/timestamp';
import { toOscalAssessmentResults } from '../oscal/assessment-results';
import { toPdfReport } from '../pdf/pdf-report';
import { toPolicyReport } from '../policy-report/policy-report';
import {
  type EvidencePackManifest,
  MANIFEST_PATH,
  policyReportPaths,
  SHA256_HEX,
  sha256Hex,
} from './manifest';

/** Input of {@link buildEvidencePack}. */
export interface EvidencePackInput {
  readonly subject: ReportSubject;
  readonly reports: readonly ClusterFrameworkReport[];
  /** SHA-256 of the previous pack of the same subject, to chain packs. */
  readonly previousPackSha256?: string;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Zips every export of a report with a manifest of SHA-256 hashes: `report.json`, `report.csv`,
 * `report.pdf`, `policyreport/<cluster>.json` (a v1 `List` of that cluster's
 * ClusterPolicyReports), `oscal/assessment-results.json` and `manifest.json`. Entry times are
 * `generatedAt`, so equal input gives an identical zip; `sha256` is the hash of its bytes.
 *
 * @example const { zip, sha256 } = await buildEvidencePack({ subject, reports })
 */
export async function buildEvidencePack(input: EvidencePackInput): Promise<{
  zip: Buffer;
  manifest: EvidencePackManifest;
  sha256: string;
}> {
  const { subject, reports, previousPackSha256 } = input;
  if (previousPackSha256 !== undefined && !SHA256_HEX.test(previousPackSha256))
    throw new ReportInputError(
      'invalid-sha256',
      'previousPackSha256',
      'must be a lowercase hex SHA-256',
    );
  const generated = parseTimestamp(subject.generatedAt, 'subject.generatedAt');

  const clusters = [...subject.clusters, ...reports.map((r) => r.cluster)].filter(
    (c, i, all) => all.findIndex((d) => d.id === c.id) === i,
  );
  const paths = policyReportPaths(clusters);
  const files = new Map<string, Uint8Array>([
    ['report.json', Buffer.from(toJsonExport(subject, reports))],
    ['report.csv', Buffer.from(toCsvExport(reports))],
    ['report.pdf', await toPdfReport(subject, reports)],
  ]);
  for (const cluster of clusters) {
    const items = reports.filter((r) => r.cluster.id === cluster.id).map(toPolicyReport);
    files.set(paths.get(cluster.id)!, Buffer.from(json({ apiVersion: 'v1', kind: 'List', items })));
  }
  files.set(
    'oscal/assessment-results.json',
    Buffer.from(json(toOscalAssessmentResults(subject, reports))),
  );

  const manifest: EvidencePackManifest = {
    apiVersion: REPORTS_API_VERSION,
    kind: 'EvidencePack',
    subject,
    generatedAt: subject.generatedAt,
    files: [...files].map(([path, data]) => ({
      path,
      sha256: sha256Hex(data),
      bytes: data.byteLength,
    })),
    previousPackSha256: previousPackSha256 ?? null,
  };
  const mtime = dosTime(generated.seconds * 1000);
  const zippable: Zippable = { [MANIFEST_PATH]: [Buffer.from(json(manifest)), { mtime }] };
  for (const [path, data] of files) zippable[path] = [data, { mtime }];
  const zip = Buffer.from(zipSync(zippable, { level: 6 }));
  return { zip, manifest, sha256: sha256Hex(zip) };
}

/**
 * Zip entry times are DOS local times without a zone and fflate reads the local fields of the
 * Date, so build one whose local fields are the UTC fields: the bytes do not depend on the
 * machine's time zone. fflate writes 1980–2099.
 */
function dosTime(ms: number): Date {
  const utc = new Date(Math.min(Math.max(ms, Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31)));
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
}
