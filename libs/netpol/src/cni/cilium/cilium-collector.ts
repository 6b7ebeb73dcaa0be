import type { ValidationIssue } from '../../errors/validation-issue';
import type { RawObject } from '../../raw/read-field';
import type { CiliumObjects } from './cilium-objects';

/** Collects the Cilium objects of one input while the inventory is built. */
export class CiliumCollector {
  /** Parses one object; returns its issues (none when it was kept). */
  add(object: RawObject, source: string): ValidationIssue[] {
    void object;
    void source;
    return [];
  }

  /** The objects kept (undefined when there were none) and the issues found at the end. */
  result(): { objects: CiliumObjects | undefined; issues: ValidationIssue[] } {
    return { objects: undefined, issues: [] };
  }
}
