import type {
  ControlResult,
  CoverageReport,
  Evidence,
  FrameworkReport,
} from '@fenceline/compliance';
import { toMarkdownTable } from './markdown';

export const REPORT_FORMATS = ['txt', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Evidence lines shown per control in txt; `json` has everything. */
const TXT_DETAIL_LINES = 6;

/**
 * Renders a framework report. `json` is `{ framework, version, title, score, summary, controls:
 * [{ id, title, severity, status, score, evidence, waivedBy? }] }` — an interface other tools
 * read: keep these keys. `txt` is a table with the failing subjects under each control and a
 * summary line; `md` a table.
 *
 * @example formatReport(report, 'txt').split('\n').at(-2) // 'zero-trust 1.0: 4 pass, 5 fail, 1 not-applicable, 0 waived; score 62%'
 */
export function formatReport(report: FrameworkReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          framework: report.framework,
          version: report.version,
          title: report.title,
          score: report.score,
          summary: report.summary,
          controls: report.controls.map((c) => ({
            id: c.id,
            title: c.title,
            severity: c.severity,
            status: c.status,
            score: c.score,
            evidence: c.evidence,
            ...(c.waivedBy ? { waivedBy: c.waivedBy } : {}),
          })),
        },
        null,
        2,
      )}\n`;
    case 'md':
      return `# ${report.title} (${report.framework} ${report.version})\n\n${toMarkdownTable(
        ['control', 'status', 'severity', 'score', 'title', 'evidence'],
        report.controls.map((c) => [
          c.id,
          c.status,
          c.severity,
          percent(c.score),
          c.title,
          controlLines(c).join('\n'),
        ]),
      )}\n${summaryLine(report)}\n`;
    case 'txt':
      return reportText(report);
  }
}

function reportText(report: FrameworkReport): string {
  const idWidth = Math.max(7, ...report.controls.map((c) => c.id.length));
  const lines = [`${report.title} (${report.framework} ${report.version})`, ''];
  lines.push(
    `${'CONTROL'.padEnd(idWidth)}  ${'STATUS'.padEnd(14)}  ${'SEVERITY'.padEnd(8)}  ${'SCORE'.padStart(5)}  TITLE`,
  );
  for (const c of report.controls) {
    lines.push(
      `${c.id.padEnd(idWidth)}  ${c.status.padEnd(14)}  ${c.severity.padEnd(8)}  ${percent(c.score).padStart(5)}  ${c.title}`,
    );
    const details = controlLines(c);
    for (const d of details.slice(0, TXT_DETAIL_LINES))
      lines.push(`${' '.repeat(idWidth + 2)}${d}`);
    if (details.length > TXT_DETAIL_LINES) {
      lines.push(
        `${' '.repeat(idWidth + 2)}… and ${details.length - TXT_DETAIL_LINES} more (see --output json)`,
      );
    }
  }
  lines.push('', summaryLine(report));
  return `${lines.join('\n')}\n`;
}

function summaryLine(report: FrameworkReport): string {
  const s = report.summary;
  return `${report.framework} ${report.version}: ${s.pass} pass, ${s.fail} fail, ${s.notApplicable} not-applicable, ${s.waived} waived; score ${percent(report.score)}`;
}

/** The lines a reader needs: failing (or waived) subjects, else why nothing was evaluated. */
function controlLines(c: ControlResult): string[] {
  if (c.status === 'fail' || c.status === 'waived') {
    return c.evidence
      .filter((e) => e['status'] === 'fail' || e['status'] === 'waived')
      .map(evidenceLine);
  }
  if (c.status === 'not-applicable') return c.evidence.map(evidenceLine);
  return [];
}

/** One evidence item on one line: `key=value` pairs, lists comma-joined, objects as JSON. */
export function evidenceLine(e: Evidence): string {
  return Object.entries(e)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${renderValue(v)}`)
    .join(' ');
}

function renderValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(renderValue).join(', ')}]`;
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/**
 * Renders a coverage report: `json` is the report as is; `txt` a table per namespace (default-deny
 * / total pods per direction, headed "ISOLATED" as before the cluster tiers), the totals, what
 * gives each namespace default deny (NetworkPolicies, cluster-policy rules), the workloads lacking
 * it, and the cluster-policy rules whose `domainNames` (`FQDN …`) or `nodes` peers are not
 * evaluated offline; `md` the same as tables and lists.
 */
export function formatCoverage(report: CoverageReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const ratio = (n: number, total: number): string =>
    `${n}/${total} (${total === 0 ? 100 : Math.round((n / total) * 100)}%)`;
  const rows = [
    ...report.namespaces.map((n) => [
      n.namespace,
      String(n.totalPods),
      ratio(n.ingressIsolatedPods, n.totalPods),
      ratio(n.egressIsolatedPods, n.totalPods),
    ]),
    [
      'total',
      String(report.totalPods),
      ratio(report.ingressIsolatedPods, report.totalPods),
      ratio(report.egressIsolatedPods, report.totalPods),
    ],
  ];
  const header = ['NAMESPACE', 'PODS', 'INGRESS ISOLATED', 'EGRESS ISOLATED'];
  const names = (list: readonly string[]): string => (list.length === 0 ? '-' : list.join(', '));
  const byHeader = ['NAMESPACE', 'INGRESS DEFAULT DENY BY', 'EGRESS DEFAULT DENY BY'];
  const byRows = report.defaultDeny.map((d) => [d.namespace, names(d.ingress), names(d.egress)]);
  const lists: [string, readonly string[]][] = [
    ['workloads without ingress isolation', report.workloadsWithoutIngressIsolation],
    ['workloads without egress isolation', report.workloadsWithoutEgressIsolation],
  ];
  if (report.unevaluatedClusterRules.length > 0) {
    lists.push([
      'cluster-policy rules not evaluated offline (they widen or narrow no verdict above)',
      report.unevaluatedClusterRules.map(
        (r) => `${r.policy} ${r.direction} rule ${r.rule} ${r.action} ${r.peer}: ${r.note}`,
      ),
    ]);
  }
  if (format === 'md') {
    const listMd = lists
      .map(
        ([title, items]) =>
          `\n**${title}** (${items.length})\n\n${items.map((w) => `- ${w}\n`).join('')}`,
      )
      .join('');
    const lower = (h: readonly string[]): string[] => h.map((x) => x.toLowerCase());
    return `${toMarkdownTable(lower(header), rows)}\n${toMarkdownTable(lower(byHeader), byRows)}${listMd}`;
  }
  const out = [...textTable(header, rows), '', ...textTable(byHeader, byRows)];
  for (const [title, items] of lists) {
    out.push('', `${title} (${items.length}):`, ...items.map((w) => `  ${w}`));
  }
  return `${out.join('\n')}\n`;
}

/** A plain-text table: columns padded to their widest cell, two spaces apart. */
function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
