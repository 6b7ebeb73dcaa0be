import { z } from 'zod';
import { pageQuery } from '../../pagination/page-query';

/** `GET /v1/clusters` query and GraphQL `clusters(...)` arguments: an environment, a page. */
export const listClustersSchema = z.strictObject({
  environment: z.string().min(1).max(63).optional(),
  ...pageQuery(),
});

export type ListClustersDto = z.infer<typeof listClustersSchema>;

/**
 * `GET /v1/clusters/:id/connectivity` query: without `limit`, every row (the list a
 * `fenceline connlist` prints; compressed on the wire); with it, pages of rows.
 */
export const connectivityQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
  cursor: z.string().min(1).max(64).optional(),
});

export type ConnectivityQueryDto = z.infer<typeof connectivityQuerySchema>;
