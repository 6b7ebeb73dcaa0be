import { pdfText } from '../../test/pdf-text';
import { fixtureControlIds, fixtureReports, fixtureSubject } from '../../test/fixtures';
import { ReportInputError } from '../model/report-input-error';
import { toPdfReport } from './pdf-report';

describe('toPdfReport', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await toPdfReport(fixtureSubject, fixtureReports);
    text = pdfText(pdf);
  });

  it('is a PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('has a title page with organization, scope and dates', () => {
    expect(text).toContain('Network policy compliance report');
    expect(text).toContain('Acme Corp');
    expect(text).toContain('fleet: all clusters');
    expect(text).toContain('2025-03-01T12:00:00Z');
    expect(text).toContain('2025-03-01T11:58:00Z');
  });

  it('names every cluster and every control', () => {
    for (const name of ['prod-eu', 'staging-us']) expect(text).toContain(name);
    for (const id of fixtureControlIds)
      expect(text).toMatch(new RegExp(`(^|\\s)${id.replace(/\./g, '\\.')}\\s`, 'm'));
  });

  it('shows statuses, scores and truncated evidence', () => {
    expect(text).toContain('FAIL');
    expect(text).toContain('waived');
    expect(text).toContain('n/a');
    expect(text).toContain('66.7%');
    expect(text).toContain('team-9');
    expect(text).not.toContain('team-10');
    expect(text).toContain('… 20 more');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('shows Latin-1 text and replaces what Helvetica cannot show', () => {
    expect(text).toContain('café');
    expect(text).not.toContain('支付');
  });

  it('is reproducible byte for byte', async () => {
    expect((await toPdfReport(fixtureSubject, fixtureReports)).equals(pdf)).toBe(true);
  });

  it('renders an empty report', async () => {
    expect(pdfText(await toPdfReport({ ...fixtureSubject, clusters: [] }, []))).toContain(
      'No cluster was evaluated',
    );
  });

  it('rejects a generatedAt without a time zone', async () => {
    await expect(
      toPdfReport({ ...fixtureSubject, generatedAt: '2025-03-01 12:00' }, []),
    ).rejects.toThrow(ReportInputError);
  });
});
