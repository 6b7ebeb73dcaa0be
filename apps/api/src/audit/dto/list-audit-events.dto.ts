import { z } from 'zod';
import { pageQuery, type PageSizes } from '../../pagination/page-query';

/** 1,000 events by default and up to 10,000, as before lists were paged. */
export const AUDIT_PAGE_SIZES: PageSizes = { defaultLimit: 1000, maxLimit: 10_000 };

/**
 * `GET /v1/audit-events` query and GraphQL `auditEvents(...)`: from a time on, a page (1,000
 * events by default and up to 10,000, as before lists were paged).
 */
export const listAuditEventsSchema = z.strictObject({
  since: z.iso.datetime({ offset: true }).optional(),
  ...pageQuery(AUDIT_PAGE_SIZES),
});
export type ListAuditEventsDto = z.infer<typeof listAuditEventsSchema>;
