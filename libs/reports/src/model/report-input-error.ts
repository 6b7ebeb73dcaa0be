/** Why an export refused its input. */
export type ReportInputErrorCode = 'invalid-timestamp' | 'invalid-sha256';

/**
 * Thrown when the input of an export cannot be represented faithfully (a timestamp without a
 * time zone, a malformed hash). `path` names the offending field.
 *
 * @example new ReportInputError('invalid-timestamp', 'subject.generatedAt', 'needs a time zone')
 */
export class ReportInputError extends Error {
  constructor(
    readonly code: ReportInputErrorCode,
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'ReportInputError';
  }
}
