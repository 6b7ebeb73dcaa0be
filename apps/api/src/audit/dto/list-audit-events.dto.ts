import { z } from 'zod';
import { pageQuery } from '../../pagination/page-query';

/**
 * `GET /v1/audit-events` query and GraphQL `auditEvents(...)`: from a time on, a page (1,000
 * events by default and up to 10,000, as before lists were paged).
 */
export const listAuditEventsSchema = z.strictObject({
  since: z.iso.datetime({ offset: true }).optional(),
  ...pageQuery({ defaultLimit: 1000, maxLimit: 10_000 }),
});
export type ListAuditEventsDto = z.infer<typeof listAuditEventsSchema>;
