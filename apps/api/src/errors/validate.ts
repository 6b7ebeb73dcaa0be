import { DomainError } from '@fenceline/contracts';
import type { z } from 'zod';

/** Where a refused input came from: named in the message and as the path of whole-input issues. */
export type InputKind = 'body' | 'query' | 'arguments';

/**
 * Parses an operation's input with its zod schema — the one check both transports run — or
 * throws `INVALID` naming every bad field by its path.
 *
 * @example const input = validate(createBaselineSchema, { name }, 'arguments');
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  kind: InputKind = 'body',
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError(
    'INVALID',
    `invalid request ${kind === 'query' ? 'query parameters' : kind}`,
    parsed.error.issues.flatMap((i) =>
      // An unknown query parameter is named as the issue's path: `?limt=5` → `limt`.
      i.code === 'unrecognized_keys' && kind === 'query'
        ? i.keys.map((key) => ({ path: [...i.path, key].join('.'), message: 'unknown parameter' }))
        : [{ path: i.path.join('.') || `(${kind})`, message: i.message }],
    ),
  );
}

/**
 * GraphQL arguments without the ones left out or passed as null, so an operation's schema sees
 * them as a REST body or query would (absent).
 */
export function presentArgs<T extends Record<string, unknown>>(
  args: T,
): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(args).filter(([, v]) => v !== null && v !== undefined),
  ) as { [K in keyof T]?: Exclude<T[K], null> };
}
