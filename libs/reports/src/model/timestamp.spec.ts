import { ReportInputError } from './report-input-error';
import { formatUtc, parseTimestamp } from './timestamp';

describe('parseTimestamp', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0, 0],
    ['1970-01-01T00:00:01.5Z', 1, 500_000_000],
    ['2025-03-01T12:00:00.123456789+01:00', 1740826800, 123_456_789],
    ['2025-03-01T12:00:00.1234567891Z', 1740830400, 123_456_789],
    ['2025-03-01t12:00:00z', 1740830400, 0],
  ])('%s → %d s %d ns', (value, seconds, nanos) => {
    expect(parseTimestamp(value, 'x')).toEqual({ seconds, nanos });
  });

  it.each([
    '2025-03-01T12:00:00',
    '2025-03-01',
    '2025-02-30T00:00:00Z',
    '2025-03-01T24:00:00Z',
    'soon',
  ])('rejects %s with the field path', (value) => {
    expect(() => parseTimestamp(value, 'subject.generatedAt')).toThrow(ReportInputError);
    expect(() => parseTimestamp(value, 'subject.generatedAt')).toThrow(/^subject\.generatedAt: /);
  });
});

describe('formatUtc', () => {
  it.each([
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z'],
    ['1970-01-01T00:00:01.500Z', '1970-01-01T00:00:01.5Z'],
    ['2025-03-01T06:00:00.000000001-05:00', '2025-03-01T11:00:00.000000001Z'],
  ])('%s → %s', (value, expected) => {
    expect(formatUtc(parseTimestamp(value, 'x'))).toBe(expected);
  });
});
