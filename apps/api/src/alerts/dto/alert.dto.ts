import { z } from 'zod';
import { pageQuery, type PageSizes } from '../../pagination/page-query';

export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;

/** The page size (`limit`) allowed up to 5,000 before lists were paged: it still does. */
export const ALERT_PAGE_SIZES: PageSizes = { maxLimit: 5000 };

/** `GET /v1/alerts` query and GraphQL `alerts(filter)` / `alertConnection(...)`. */
export const listAlertsSchema = z.strictObject({
  clusterId: z.uuid().optional(),
  environment: z.string().min(1).max(63).optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  baselineId: z.uuid().optional(),
  ...pageQuery(ALERT_PAGE_SIZES),
});
export type ListAlertsDto = z.infer<typeof listAlertsSchema>;

/** `POST /v1/alerts/:id/acknowledge` body and GraphQL `acknowledgeAlert(id, comment)`. */
export const acknowledgeAlertSchema = z.strictObject({ comment: z.string().min(1).max(2000) });
export type AcknowledgeAlertDto = z.infer<typeof acknowledgeAlertSchema>;

/** `POST /v1/clusters/:id/baselines/:baselineId/accept-connectivity` body and GraphQL `acceptConnectivity`. */
export const acceptConnectivitySchema = z.strictObject({ comment: z.string().min(1).max(2000) });
export type AcceptConnectivityDto = z.infer<typeof acceptConnectivitySchema>;
