import type { ObjectRef } from './object-ref';
import type { IssueCode, ValidationIssue } from './validation-issue';

/**
 * Collects issues for one object while it is validated, so that validation reports every
 * problem instead of stopping at the first.
 */
export class IssueSink {
  readonly issues: ValidationIssue[] = [];

  constructor(readonly object: ObjectRef) {}

  add(code: IssueCode, path: string, message: string): void {
    this.issues.push({ code, object: this.object, path, message });
  }

  get count(): number {
    return this.issues.length;
  }
}
