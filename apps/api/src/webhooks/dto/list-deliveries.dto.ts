import { z } from 'zod';
import { pageQuery } from '../../pagination/page-query';

/** `GET /v1/webhooks/:id/deliveries` query: pages of the newest deliveries (default 50, at most 500). */
export const listDeliveriesSchema = z.strictObject(pageQuery({ defaultLimit: 50, maxLimit: 500 }));

export type ListDeliveriesDto = z.infer<typeof listDeliveriesSchema>;
