import { ReportInputError } from './report-input-error';

/** RFC 3339 date-time with a mandatory offset (`Z` or `±hh:mm`), as OSCAL and Kubernetes want. */
export const RFC3339_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i;

/** A point in time as Kubernetes' `metav1.Timestamp`: Unix seconds plus nanoseconds. */
export interface Timestamp {
  readonly seconds: number;
  readonly nanos: number;
}

/**
 * Parses an RFC 3339 timestamp with a time zone, keeping sub-millisecond digits (up to ns).
 * Throws {@link ReportInputError} `invalid-timestamp` naming `path` otherwise.
 *
 * @example parseTimestamp('1970-01-01T00:00:01.5Z', 'at') // { seconds: 1, nanos: 500000000 }
 */
export function parseTimestamp(value: string, path: string): Timestamp {
  const match = RFC3339_WITH_ZONE.exec(value);
  if (!match)
    throw new ReportInputError(
      'invalid-timestamp',
      path,
      `not RFC 3339 with a time zone: ${JSON.stringify(value)}`,
    );
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const whole = `${year}-${month}-${day}T${hour}:${minute}:${second}${zone.toUpperCase()}`;
  const ms = Date.parse(whole);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.parse rolls 2025-02-30 over to March; a real calendar date must round-trip.
  if (
    Number.isNaN(ms) ||
    date.getUTCDate() !== Number(day) ||
    Number(hour) > 23 ||
    Number(second) > 59
  )
    throw new ReportInputError(
      'invalid-timestamp',
      path,
      `not a valid date-time: ${JSON.stringify(value)}`,
    );
  return { seconds: Math.floor(ms / 1000), nanos: Number(fraction.slice(0, 9).padEnd(9, '0')) };
}

/**
 * The UTC form `YYYY-MM-DDThh:mm:ss[.fraction]Z` of a timestamp, trailing zeros of the fraction
 * dropped: the shape OSCAL's datetime-with-timezone pattern and most tools accept.
 *
 * @example formatUtc({ seconds: 1, nanos: 500000000 }) // '1970-01-01T00:00:01.5Z'
 */
export function formatUtc({ seconds, nanos }: Timestamp): string {
  const whole = new Date(seconds * 1000).toISOString().slice(0, 19);
  const fraction = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}Z`;
}
