import { stringify } from 'csv-stringify/sync';

/**
 * A CSV document: a header line and one line per row, written by `csv-stringify` as the reports
 * library writes its exports. RFC 4180 quoting (https://www.rfc-editor.org/rfc/rfc4180): double
 * quotes around fields containing a comma, a quote, CR or LF; quotes doubled. Lines end with LF
 * (as this command always printed them, for shell pipelines). Fields starting with `=`, `+`, `-`,
 * `@`, tab or CR get a leading `'` so spreadsheets do not run them as formulas (OWASP "CSV
 * injection"); the JSON output carries the unaltered values.
 *
 * @example toCsv(['src', 'conn'], [['a', 'TCP 80,443']]) // 'src,conn\na,"TCP 80,443"\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify(
    [header, ...rows].map((fields) => [...fields]),
    {
      record_delimiter: '\n',
      // csv-stringify quotes only the record delimiter itself; a lone CR must be quoted too.
      quoted_match: /[\r\n]/,
      escape_formulas: true,
    },
  );
}
