import type { IssueSink } from '../errors/issue-sink';

/** A plain JSON object as decoded from YAML or JSON. */
export type RawObject = Readonly<Record<string, unknown>>;

export function isRawObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `undefined` and `null` both mean "not set", as in the Kubernetes API. */
export function isUnset(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

export function readObject(sink: IssueSink, value: unknown, path: string): RawObject | undefined {
  if (isUnset(value)) return undefined;
  if (isRawObject(value)) return value;
  sink.add('INVALID_TYPE', path, `expected an object, got ${describe(value)}`);
  return undefined;
}

export function readArray(
  sink: IssueSink,
  value: unknown,
  path: string,
): readonly unknown[] | undefined {
  if (isUnset(value)) return undefined;
  if (Array.isArray(value)) return value;
  sink.add('INVALID_TYPE', path, `expected a list, got ${describe(value)}`);
  return undefined;
}

export function readString(sink: IssueSink, value: unknown, path: string): string | undefined {
  if (isUnset(value)) return undefined;
  if (typeof value === 'string') return value;
  sink.add('INVALID_TYPE', path, `expected a string, got ${describe(value)}`);
  return undefined;
}

export function readBoolean(sink: IssueSink, value: unknown, path: string): boolean | undefined {
  if (isUnset(value)) return undefined;
  if (typeof value === 'boolean') return value;
  sink.add('INVALID_TYPE', path, `expected a boolean, got ${describe(value)}`);
  return undefined;
}

/** Reads a `map[string]string` such as `metadata.labels`; non-string values are issues. */
export function readStringMap(
  sink: IssueSink,
  value: unknown,
  path: string,
): Record<string, string> {
  const entries: [string, string][] = [];
  const obj = readObject(sink, value, path);
  if (!obj) return {};
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v === 'string') entries.push([key, v]);
    else sink.add('INVALID_TYPE', `${path}.${key}`, `expected a string, got ${describe(v)}`);
  }
  // fromEntries defines own properties: a key such as `__proto__` stays a plain (invalid) label.
  return Object.fromEntries(entries);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
