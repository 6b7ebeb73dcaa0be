import { z } from 'zod';
import { pageQuery } from '../../pagination/page-query';

const framework = z.string().min(1).max(32);
const environment = z.string().min(1).max(63);
const instant = z.iso.datetime({ offset: true });

/** `GET /v1/compliance/summary` and `/controls/:id` query; GraphQL `complianceSummary` / `complianceReport`. */
export const summaryQuerySchema = z.strictObject({
  framework,
  environment: environment.optional(),
  asOf: instant.optional(),
});
export type SummaryQueryDto = z.infer<typeof summaryQuerySchema>;

/** `GET /v1/clusters/:id/compliance/:framework` query and GraphQL `clusterCompliance(asOf)`. */
export const asOfQuerySchema = z.strictObject({ asOf: instant.optional() });
export type AsOfQueryDto = z.infer<typeof asOfQuerySchema>;

/** `GET /v1/clusters/:id/compliance/:framework/controls/:controlId/trend` query. */
export const controlTrendQuerySchema = z.strictObject({ since: instant.optional() });
export type ControlTrendQueryDto = z.infer<typeof controlTrendQuerySchema>;

/** `GET /v1/compliance/trend` query: a daily series of the fleet or an environment. */
export const fleetTrendQuerySchema = z.strictObject({
  framework,
  environment: environment.optional(),
  controlId: z.string().min(1).max(32).optional(),
  days: z.coerce.number().int().min(1).max(90).default(30),
  until: z.iso.date().optional(),
});
export type FleetTrendQueryDto = z.infer<typeof fleetTrendQuerySchema>;

export const EXPORT_FORMATS = ['json', 'csv', 'pdf', 'policyreport', 'oscal'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /v1/compliance/exports/:format` query and `POST /v1/compliance/evidence-packs` body. */
export const exportQuerySchema = z.strictObject({
  framework,
  scope: z
    .string()
    .regex(
      /^(fleet|environment:[a-z0-9-]{1,63}|cluster:[0-9a-f-]{36})$/,
      'fleet, environment:<name> or cluster:<id>',
    )
    .default('fleet'),
  asOf: instant.optional(),
});
export type ExportQueryDto = z.infer<typeof exportQuerySchema>;

/** `GET /v1/compliance/evidence-packs` query: one scope (`<framework>/<scope>`), a page. */
export const listPacksQuerySchema = z.strictObject({
  scope: z.string().min(1).max(200).optional(),
  ...pageQuery(),
});
export type ListPacksQueryDto = z.infer<typeof listPacksQuerySchema>;
