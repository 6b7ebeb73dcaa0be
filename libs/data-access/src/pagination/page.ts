import { DataAccessError, isUuid } from '../data-access-error';

/** Which page of a list: at most `limit` items after the item the cursor names (none: the first page). */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** One page of a list, in the list's stable order; `nextCursor` is null on the last page. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** An opaque cursor naming the last item of a page (base64url, so it travels in a URL as is). */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** The key a cursor names; a string that is no cursor of this list is refused (`INVALID`). */
export function decodeCursor(cursor: string, valid: (key: string) => boolean = isUuid): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!valid(key) || encodeCursor(key) !== cursor)
    throw new DataAccessError('INVALID', 'cursor: not a cursor of this list');
  return key;
}

/**
 * Prisma arguments for one page of a list ordered with `id` as the last tie-breaker: one row more
 * than asked, to know whether another page follows.
 */
export function pageArgs(page: PageRequest): {
  take: number;
  cursor?: { id: string };
  skip?: number;
} {
  return {
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: decodeCursor(page.cursor) }, skip: 1 } : {}),
  };
}

/** The page of rows fetched with {@link pageArgs}, mapped. */
export function pageOf<R extends { id: string }, T>(
  rows: readonly R[],
  page: PageRequest,
  map: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.id) : null,
  };
}

/**
 * One page of a list held in memory (small lists ordered by related rows, or a stored array):
 * the cursor names the key of the last item seen.
 */
export function pageOfArray<T>(
  all: readonly T[],
  page: PageRequest,
  keyOf: (item: T, index: number) => string,
): Page<T> {
  let start = 0;
  if (page.cursor) {
    const keys = all.map(keyOf);
    const key = decodeCursor(page.cursor, (k) => keys.includes(k));
    start = keys.indexOf(key) + 1;
  }
  const items = all.slice(start, start + page.limit);
  const lastIndex = start + items.length - 1;
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      start + items.length < all.length && last !== undefined
        ? encodeCursor(keyOf(last, lastIndex))
        : null,
  };
}
