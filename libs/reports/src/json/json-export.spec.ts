import { fixtureReports, fixtureSubject } from '../../test/fixtures';
import { toJsonExport } from './json-export';

describe('toJsonExport', () => {
  const text = toJsonExport(fixtureSubject, fixtureReports);

  it('wraps subject and reports in a versioned document', () => {
    expect(JSON.parse(text)).toEqual({
      apiVersion: 'fenceline.dev/v1alpha1',
      kind: 'ComplianceReport',
      subject: fixtureSubject,
      reports: fixtureReports,
    });
  });

  it('is indented, ends with a newline and keeps unicode as is', () => {
    expect(
      text.startsWith(
        '{\n  "apiVersion": "fenceline.dev/v1alpha1",\n  "kind": "ComplianceReport",',
      ),
    ).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('支付');
  });

  it('is deterministic', () => {
    expect(toJsonExport(fixtureSubject, fixtureReports)).toBe(text);
  });

  it('writes an empty report list', () => {
    expect(JSON.parse(toJsonExport(fixtureSubject, [])).reports).toEqual([]);
  });
});
