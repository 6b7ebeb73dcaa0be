import PDFDocument from 'pdfkit';
import type { ClusterFrameworkReport, ReportSubject } from '../model/report-input';
import { parseTimestamp } from '../model/timestamp';
import { drawTable } from './pdf-table';
import { toWinAnsi } from './win-ansi';

/** Evidence rows shown per control before "… N more"; the JSON export has them all. */
export const PDF_EVIDENCE_ROWS = 10;
const EVIDENCE_CELL_CHARS = 600;

const STATUS_LABEL = {
  pass: 'pass',
  fail: 'FAIL',
  'not-applicable': 'n/a',
  waived: 'waived',
} as const;

const percent = (score: number): string => `${Math.round(score * 1000) / 10}%`;

/** `key: value; key: value` with nested values as compact JSON, cut at a readable length. */
function evidenceText(item: Record<string, unknown>): string {
  const text = Object.entries(item)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
  return text.length > EVIDENCE_CELL_CHARS ? `${text.slice(0, EVIDENCE_CELL_CHARS - 1)}…` : text;
}

/**
 * Renders the auditor-facing PDF: a title page (organization, scope, generated at, as of,
 * clusters), a summary per cluster × framework, each control's result and its evidence (at most
 * {@link PDF_EVIDENCE_ROWS} rows, then "… N more"). Uses the standard Helvetica fonts, so text
 * outside WinAnsi shows as `?`; the JSON export is authoritative. Dates inside the file come
 * from `subject.generatedAt`, so equal input gives identical bytes.
 *
 * @example (await toPdfReport(subject, reports)).subarray(0, 5).toString() // '%PDF-'
 */
export async function toPdfReport(
  subject: ReportSubject,
  reports: readonly ClusterFrameworkReport[],
): Promise<Buffer> {
  const generated = parseTimestamp(subject.generatedAt, 'subject.generatedAt');
  if (subject.asOf !== undefined) parseTimestamp(subject.asOf, 'subject.asOf');
  const title = 'Network policy compliance report';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    bufferPages: true,
    info: {
      Title: toWinAnsi(`${title}: ${subject.organization}`),
      Author: 'Fenceline',
      Creator: 'Fenceline',
      Subject: toWinAnsi(`${subject.scope.kind} ${subject.scope.name}`),
      // Fixed dates keep the bytes (and the /ID PDFKit derives from them) reproducible.
      CreationDate: new Date(generated.seconds * 1000),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titlePage(doc, title, subject);
  doc.addPage();
  heading(doc, 'Summary');
  drawTable(
    doc,
    [
      { header: 'Cluster', width: 95 },
      { header: 'Environment', width: 70 },
      { header: 'Framework', width: 120 },
      { header: 'Pass', width: 35, align: 'right' },
      { header: 'Fail', width: 35, align: 'right' },
      { header: 'N/A', width: 35, align: 'right' },
      { header: 'Waived', width: 45, align: 'right' },
      { header: 'Score', width: 60, align: 'right' },
    ],
    reports.map(({ cluster, report }) => [
      cluster.name,
      cluster.environment,
      `${report.title} ${report.version}`,
      String(report.summary.pass),
      String(report.summary.fail),
      String(report.summary.notApplicable),
      String(report.summary.waived),
      percent(report.score),
    ]),
  );
  if (reports.length === 0) paragraph(doc, 'No cluster was evaluated against any framework.');
  for (const entry of reports) frameworkSection(doc, entry);
  pageNumbers(doc);
  doc.end();
  return done;
}

function titlePage(doc: PDFKit.PDFDocument, title: string, subject: ReportSubject): void {
  doc.moveDown(6).font('Helvetica-Bold').fontSize(24).text(toWinAnsi(title));
  doc.moveDown(0.5).font('Helvetica').fontSize(16).text(toWinAnsi(subject.organization));
  doc.moveDown(2).fontSize(11);
  const facts: [string, string][] = [
    ['Scope', `${subject.scope.kind}: ${subject.scope.name}`],
    ['Generated at', subject.generatedAt],
    ['State as of', subject.asOf ?? subject.generatedAt],
    ['Clusters', String(subject.clusters.length)],
  ];
  for (const [label, value] of facts)
    doc
      .font('Helvetica-Bold')
      .text(`${label}: `, { continued: true })
      .font('Helvetica')
      .text(toWinAnsi(value));
  doc.moveDown(1.5);
  drawTable(
    doc,
    [
      { header: 'Cluster', width: 110 },
      { header: 'Environment', width: 80 },
      { header: 'Snapshot', width: 165 },
      { header: 'Evaluated at', width: 140 },
    ],
    subject.clusters.map((c) => [c.name, c.environment, c.snapshotId, c.evaluatedAt]),
  );
}

function frameworkSection(doc: PDFKit.PDFDocument, entry: ClusterFrameworkReport): void {
  const { cluster, report } = entry;
  doc.addPage();
  heading(doc, `${cluster.name}: ${report.title} ${report.version}`);
  paragraph(
    doc,
    `Cluster ${cluster.name} (${cluster.environment}, id ${cluster.id}), snapshot ${entry.snapshotId}, ` +
      `evaluated at ${entry.evaluatedAt}. Score ${percent(report.score)}.`,
  );
  drawTable(
    doc,
    [
      { header: 'Control', width: 55 },
      { header: 'Title', width: 230 },
      { header: 'Severity', width: 55 },
      { header: 'Status', width: 50 },
      { header: 'Score', width: 45, align: 'right' },
      { header: 'Evidence', width: 60, align: 'right' },
    ],
    report.controls.map((c) => [
      c.id,
      c.title,
      c.severity,
      STATUS_LABEL[c.status],
      percent(c.score),
      String(c.evidence.length),
    ]),
  );
  for (const control of report.controls.filter((c) => c.evidence.length > 0)) {
    doc.font('Helvetica-Bold').fontSize(10);
    if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.text(
      toWinAnsi(`Evidence for ${control.id} ${control.title} (${STATUS_LABEL[control.status]})`),
    );
    doc.moveDown(0.3);
    const shown = control.evidence.slice(0, PDF_EVIDENCE_ROWS);
    const rows = shown.map((item, i) => [String(i + 1), evidenceText(item)]);
    const hidden = control.evidence.length - shown.length;
    if (hidden > 0) rows.push(['', `… ${hidden} more (see report.json)`]);
    drawTable(
      doc,
      [
        { header: '#', width: 25 },
        { header: 'Item', width: 470 },
      ],
      rows,
    );
  }
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Bold').fontSize(15).text(toWinAnsi(text));
  doc.moveDown(0.5);
}

function paragraph(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica').fontSize(10).text(toWinAnsi(text));
  doc.moveDown(0.8);
}

function pageNumbers(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would make PDFKit open a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555555')
      .text(`Page ${i + 1} of ${count}`, doc.page.margins.left, doc.page.height - 35, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
