/**
 * A CSV document: a header line and one line per row, fields quoted per RFC 4180 (double quotes
 * around fields containing a comma, a quote or a line break; quotes doubled). Lines end with LF.
 *
 * @example toCsv(['src', 'conn'], [['a', 'TCP 80,443']]) // 'src,conn\na,"TCP 80,443"\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((fields) => fields.map(csvField).join(',')).join('\n') + '\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
