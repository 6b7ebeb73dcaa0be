import { z } from 'zod';

/**
 * One row of a workload connectivity list, in the notation of the public connectivity tools
 * (`src => dst : conn`): peers as `namespace/name[Kind]` or `a.b.c.d-e.f.g.h[External]`, the
 * connection as `All Connections` or `TCP 80,443,UDP 53`. The worker stores these (analyses,
 * references), the API serves them.
 *
 * @example connectivityRowSchema.parse({ src: 'shop/web[Deployment]', dst: 'shop/db[Deployment]', conn: 'TCP 5432' })
 */
export const connectivityRowSchema = z.object({
  src: z.string(),
  dst: z.string(),
  conn: z.string(),
});

export type ConnectivityRow = z.infer<typeof connectivityRowSchema>;

/** A connectivity list: its rows in order. */
export const connectivityListSchema = z.array(connectivityRowSchema);
