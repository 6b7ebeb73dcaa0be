import type { ClusterFrameworkReport, ReportSubject } from '../model/report-input';

export const REPORTS_API_VERSION = 'fenceline.dev/v1alpha1';

/**
 * The JSON compliance export, the complete and authoritative form of a report: every other
 * format (CSV, PolicyReport, OSCAL, PDF) is derived from the same input and may abbreviate.
 *
 * @example { apiVersion: 'fenceline.dev/v1alpha1', kind: 'ComplianceReport', subject, reports: [] }
 */
export interface ComplianceReportDocument {
  readonly apiVersion: typeof REPORTS_API_VERSION;
  readonly kind: 'ComplianceReport';
  readonly subject: ReportSubject;
  readonly reports: readonly ClusterFrameworkReport[];
}

/**
 * Serialises a {@link ComplianceReportDocument}: two-space indented JSON with a final newline,
 * fields and arrays in input order, so the same input yields the same bytes.
 *
 * @example toJsonExport(subject, reports) // '{\n  "apiVersion": "fenceline.dev/v1alpha1", …'
 */
export function toJsonExport(
  subject: ReportSubject,
  reports: readonly ClusterFrameworkReport[],
): string {
  const document: ComplianceReportDocument = {
    apiVersion: REPORTS_API_VERSION,
    kind: 'ComplianceReport',
    subject,
    reports,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
