import type { ClusterFrameworkReport } from '../model/report-input';
import { fixtureReports, prodZeroTrust, trickyEvidence } from '../../test/fixtures';
import { CSV_COLUMNS, toCsvExport } from './csv-export';
import { parseCsv } from '../../test/csv-parse';

describe('toCsvExport', () => {
  const text = toCsvExport(fixtureReports);
  const [header, ...rows] = parseCsv(text);

  it('starts with the header and ends records with CRLF', () => {
    expect(
      text.startsWith(
        'cluster,environment,framework,version,control,title,severity,status,score,evidence\r\n',
      ),
    ).toBe(true);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes one row per cluster × control', () => {
    expect(rows).toHaveLength(4 + 2 + 4);
    expect(rows.map((r) => `${r[0]}/${r[4]}`)).toEqual([
      'prod-eu/ZT-1',
      'prod-eu/ZT-2',
      'prod-eu/ZT-7',
      'prod-eu/ZT-10',
      'prod-eu/1.3.1',
      'prod-eu/11.4.5',
      'staging-us/ZT-1',
      'staging-us/ZT-2',
      'staging-us/ZT-7',
      'staging-us/ZT-10',
    ]);
    expect(rows[1]).toEqual([
      'prod-eu',
      'production',
      'zero-trust',
      '1.0',
      'ZT-2',
      'Default-deny egress coverage',
      'high',
      'fail',
      '0.5',
      JSON.stringify(trickyEvidence),
    ]);
    expect(rows.map((r) => r[7])).toEqual(
      expect.arrayContaining(['pass', 'fail', 'not-applicable', 'waived']),
    );
  });

  it('round-trips evidence with commas, quotes, newlines and unicode', () => {
    expect(JSON.parse(rows[1]![9]!)).toEqual(trickyEvidence);
    expect(text).toContain('""frontend\\""');
    expect(text).toContain('支付');
  });

  it('quotes a field holding a bare LF or CR and doubles quotes', () => {
    const report: ClusterFrameworkReport = {
      ...prodZeroTrust,
      cluster: { id: 'x', name: 'a\nb', environment: 'c\rd' },
      report: {
        ...prodZeroTrust.report,
        title: 't',
        controls: [{ ...prodZeroTrust.report.controls[0]!, title: 'say "hi", ok' }],
      },
    };
    const line = toCsvExport([report]).split('\r\n').slice(1).join('\r\n');
    expect(line.startsWith('"a\nb","c\rd",')).toBe(true);
    expect(line).toContain(',"say ""hi"", ok",');
    expect(parseCsv(toCsvExport([report]))[1]!.slice(0, 2)).toEqual(['a\nb', 'c\rd']);
  });

  it('defuses spreadsheet formulas in text fields', () => {
    const report: ClusterFrameworkReport = {
      ...prodZeroTrust,
      cluster: { id: 'x', name: '=HYPERLINK("http://evil")', environment: '@prod' },
    };
    const [, row] = parseCsv(toCsvExport([report]));
    expect(row![0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(row![1]).toBe(`'@prod`);
  });

  it('writes only the header for no reports', () => {
    expect(toCsvExport([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
