import type { ValidationIssue } from '../../errors/validation-issue';
import type { RawObject } from '../../raw/read-field';
import type { AntreaObjects } from './antrea-objects';

/** Collects the Antrea objects of one input while the inventory is built. */
export class AntreaCollector {
  /** Parses one object; returns its issues (none when it was kept). */
  add(object: RawObject, source: string): ValidationIssue[] {
    void object;
    void source;
    return [];
  }

  /** The objects kept (undefined when there were none) and the issues found at the end. */
  result(): { objects: AntreaObjects | undefined; issues: ValidationIssue[] } {
    return { objects: undefined, issues: [] };
  }
}
