import { z } from 'zod';

/** `GET /v1/webhooks/:id/deliveries` query: how many of the newest deliveries (default 50, at most 500). */
export const listDeliveriesSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export type ListDeliveriesDto = z.infer<typeof listDeliveriesSchema>;
