import type { ObjectRef } from '../errors/object-ref';
import type { ValidationIssue } from '../errors/validation-issue';
import { isRawObject, type RawObject } from '../raw/read-field';

/**
 * The {@link ObjectRef} of a CNI object from its metadata. A namespaced kind without a namespace
 * is in `default`, as the API server places it; a cluster-scoped kind has no namespace.
 */
export function objectRefOf(
  object: RawObject,
  kind: string,
  source: string,
  namespaced: boolean,
): ObjectRef {
  const metadata = isRawObject(object['metadata']) ? object['metadata'] : {};
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  const namespace =
    typeof metadata['namespace'] === 'string' && metadata['namespace'] !== ''
      ? metadata['namespace']
      : 'default';
  return namespaced ? { kind, namespace, name, source } : { kind, name, source };
}

/**
 * The objects a collector has admitted, by kind, namespace and name: the API server refuses a
 * second object of the same identity, so offline the second is reported and left out.
 */
export class SeenObjects {
  private readonly first = new Map<string, ObjectRef>();

  /** How many objects were admitted. */
  get size(): number {
    return this.first.size;
  }

  /**
   * Admits one object: MISSING_FIELD when it has no name, DUPLICATE_NAME when its identity was
   * admitted before (neither is recorded), otherwise none and it is recorded.
   */
  admit(ref: ObjectRef): ValidationIssue[] {
    if (ref.name === '')
      return [
        { code: 'MISSING_FIELD', object: ref, path: 'metadata.name', message: 'name is required' },
      ];
    const key = `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
    const first = this.first.get(key);
    if (first)
      return [
        {
          code: 'DUPLICATE_NAME',
          object: ref,
          path: 'metadata.name',
          message: `${ref.kind} ${JSON.stringify(ref.name)} is defined twice (first in ${first.source ?? 'an earlier object'})`,
        },
      ];
    this.first.set(key, ref);
    return [];
  }
}

/** Keeps a parsed object when it parsed (pushes it onto `into`) and returns its issues. */
export function keepParsed<T>(
  parsed: { value: T | undefined; issues: readonly ValidationIssue[] },
  into: T[],
): ValidationIssue[] {
  if (parsed.value !== undefined) into.push(parsed.value);
  return [...parsed.issues];
}
