import { z } from 'zod';
import type { PageRequest } from '@fenceline/data-access';

/** The page size of a list without `limit`: large enough that a dashboard's first call sees everything today. */
export const DEFAULT_PAGE_SIZE = 500;
/** The largest page a list serves (a few lists allow more, as they did before paging). */
export const MAX_PAGE_SIZE = 1000;

/** A list's page sizes: without `limit` (default {@link DEFAULT_PAGE_SIZE}) and at most. */
export interface PageSizes {
  readonly defaultLimit?: number;
  readonly maxLimit?: number;
}

/**
 * The `limit` and `cursor` query parameters of a list, to spread into its strict query schema.
 *
 * @example z.strictObject({ environment: z.string().optional(), ...pageQuery() })
 */
export function pageQuery(options: PageSizes = {}) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(options.maxLimit ?? MAX_PAGE_SIZE)
      .default(options.defaultLimit ?? DEFAULT_PAGE_SIZE),
    cursor: z.string().min(1).max(512).optional(),
  };
}

/** The page request of parsed `limit` and `cursor`. */
export function pageRequest(query: { limit: number; cursor?: string | undefined }): PageRequest {
  return { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
}

/** The query of a list with no filter: only `limit` and `cursor`. */
export const pageOnlySchema = z.strictObject(pageQuery());

export type PageOnlyDto = z.infer<typeof pageOnlySchema>;
