import type { BaselineIssue } from './baseline-content';

/** Collects every problem of a baseline input, so validation never stops at the first. */
export class IssueList {
  readonly issues: BaselineIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  get count(): number {
    return this.issues.length;
  }
}

/** A decoded JSON/YAML mapping. */
export type RawRecord = Readonly<Record<string, unknown>>;

/** Whether a value is a mapping (not null, not a list). */
export function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a.b`, or `b` at the root. */
export function fieldPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

/**
 * Reports every key of `record` outside `allowed`: a misspelt field must never silently widen
 * what a guardrail or scope selects.
 */
export function checkKeys(
  issues: IssueList,
  record: RawRecord,
  allowed: readonly string[],
  path: string,
): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      issues.add(fieldPath(path, key), `unknown field (expected ${allowed.join(', ')})`);
    }
  }
}

/** Reads a mapping; reports anything else (`required` also reports a missing value). */
export function readRecord(
  issues: IssueList,
  value: unknown,
  path: string,
  required: boolean,
): RawRecord | undefined {
  if (value === undefined || value === null) {
    if (required) issues.add(path, 'is required');
    return undefined;
  }
  if (isRecord(value)) return value;
  issues.add(path, `expected an object, got ${describeValue(value)}`);
  return undefined;
}

/** Reads a non-empty string; reports anything else. */
export function readText(
  issues: IssueList,
  value: unknown,
  path: string,
  required: boolean,
): string | undefined {
  if (value === undefined || value === null) {
    if (required) issues.add(path, 'is required');
    return undefined;
  }
  if (typeof value === 'string' && value.trim().length > 0) return value;
  issues.add(path, `expected a non-empty string, got ${describeValue(value)}`);
  return undefined;
}

/** Reads a list; reports anything else. Missing is an empty list. */
export function readList(issues: IssueList, value: unknown, path: string): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  issues.add(path, `expected a list, got ${describeValue(value)}`);
  return [];
}

/** A short description of any value for messages; never throws (bigints, symbols, cycles). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `string ${JSON.stringify(value.slice(0, 40))}`;
    case 'object':
      return 'an object';
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    default:
      return typeof value;
  }
}

/** A string quoted for a message, shortened. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}
