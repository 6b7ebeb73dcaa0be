import { z } from 'zod';
import { CorruptDataError, type StoredField } from './data-access-error';

/** A free-form JSON object (audit states, evidence items, settings): any keys, JSON values. */
export const jsonObjectSchema = z.record(z.string(), z.json());

/**
 * A JSON column as read back from the database, parsed with its schema instead of cast: what the
 * repository returns is what the schema says, or a {@link CorruptDataError} naming the table, the
 * row and the field (with the path of the first bad value inside it). Object schemas of stored
 * documents keep unknown keys (`z.looseObject`), so a read never drops what was written.
 *
 * @example parseColumn(labelsSchema, row.labels, { table: 'Cluster', id: row.id, field: 'labels' })
 */
export function parseColumn<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: StoredField,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue ? pathOf(issue.path) : '';
  throw new CorruptDataError(
    where,
    `${path ? `${path}: ` : ''}${issue?.message ?? 'does not parse'}`,
  );
}

/** `a.b[0].c` for zod's `['a', 'b', 0, 'c']`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
