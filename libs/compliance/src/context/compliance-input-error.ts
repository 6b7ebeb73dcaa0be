/** One problem of a compliance input, with its field path (`cdeAllowed.inbound[0].cidr`). */
export interface ComplianceIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown when a compliance context or waiver list is not valid: carries every issue, not only
 * the first. A failing control is a result, never this error.
 */
export class ComplianceInputError extends Error {
  readonly code = 'INVALID_COMPLIANCE_INPUT';

  constructor(readonly issues: readonly ComplianceIssue[]) {
    super(
      issues.length === 0
        ? 'invalid compliance input'
        : issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '),
    );
    this.name = 'ComplianceInputError';
  }
}
