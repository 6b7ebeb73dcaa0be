import { stringify } from 'csv-stringify/sync';
import type { ClusterFrameworkReport } from '../model/report-input';

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'cluster',
  'environment',
  'framework',
  'version',
  'control',
  'title',
  'severity',
  'status',
  'score',
  'evidence',
] as const;

/**
 * One row per cluster × control, RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): CRLF
 * records, a header, fields with a comma, quote, CR or LF quoted and quotes doubled, UTF-8
 * without a BOM. `evidence` is the control's evidence as compact JSON. Text fields starting with
 * `=`, `+`, `-`, `@`, tab or CR get a leading `'` so spreadsheets do not run them as formulas
 * (OWASP "CSV injection"); the JSON export carries the unaltered values.
 *
 * @example toCsvExport(reports).split('\r\n')[0] // 'cluster,environment,framework,…,evidence'
 */
export function toCsvExport(reports: readonly ClusterFrameworkReport[]): string {
  const rows = reports.flatMap(({ cluster, report }) =>
    report.controls.map((control) => ({
      cluster: cluster.name,
      environment: cluster.environment,
      framework: report.framework,
      version: report.version,
      control: control.id,
      title: control.title,
      severity: control.severity,
      status: control.status,
      score: String(control.score),
      evidence: JSON.stringify(control.evidence),
    })),
  );
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: '\r\n',
    // csv-stringify quotes only the record delimiter itself; a lone LF or CR must be quoted too.
    quoted_match: /[\r\n]/,
    escape_formulas: true,
  });
}
