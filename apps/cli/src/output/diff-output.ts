import type { DiffRow } from '@fenceline/netpol';
import { toCsv } from './csv';
import { toMarkdownTable } from './markdown';

export const DIFF_FORMATS = ['txt', 'json', 'csv', 'md'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const COLUMNS = ['diffType', 'src', 'dst', 'before', 'after', 'note'] as const;

/**
 * Renders a connectivity diff. Connection sets use the connlist notation, `No Connections` for
 * a side that allows nothing.
 *
 * @example formatDiff(rows, 'txt') // 'added: a => b : No Connections -> TCP 80\n'
 */
export function formatDiff(rows: readonly DiffRow[], format: DiffFormat): string {
  const records = rows.map((r) => ({
    diffType: r.diffType,
    src: r.src,
    dst: r.dst,
    before: r.before.toString(),
    after: r.after.toString(),
    ...(r.note ? { note: r.note } : {}),
  }));
  const table = records.map((r) => COLUMNS.map((c) => r[c] ?? ''));
  switch (format) {
    case 'txt':
      return records
        .map(
          (r) =>
            `${r.diffType}: ${r.src} => ${r.dst} : ${r.before} -> ${r.after}${r.note ? ` (${r.note})` : ''}\n`,
        )
        .join('');
    case 'json':
      return `${JSON.stringify(records, null, 2)}\n`;
    case 'csv':
      return toCsv(COLUMNS, table);
    case 'md':
      return toMarkdownTable(COLUMNS, table);
  }
}
