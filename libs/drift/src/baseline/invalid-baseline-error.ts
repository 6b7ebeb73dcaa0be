import { formatBaselineIssue, type BaselineIssue } from './baseline-content';

/**
 * Thrown when a function that needs valid baseline content (computeDrift, diffBaselineContents,
 * previewPromotion) is given content that `parseBaselineContent` rejects. Carries every issue.
 *
 * @example try { computeDrift(content, inventory) } catch (e) { if (e instanceof InvalidBaselineError) e.issues }
 */
export class InvalidBaselineError extends Error {
  readonly code = 'INVALID_BASELINE';

  constructor(readonly issues: readonly BaselineIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `invalid baseline: ${formatBaselineIssue(first)}${more}` : 'invalid baseline');
    this.name = 'InvalidBaselineError';
  }
}
