import { z } from 'zod';
import { pageQuery } from '../../pagination/page-query';

export const PROMOTION_STATUSES = ['requested', 'approved', 'rejected', 'applied'] as const;

/** `POST /v1/promotions` (and `/preview`) body and GraphQL `requestPromotion(input)`. */
export const requestPromotionSchema = z.strictObject({
  baselineId: z.uuid(),
  version: z.int().min(1),
  environment: z.string().min(1).max(63),
  rollback: z.boolean().optional(),
  immediate: z.boolean().optional(),
});
export type RequestPromotionDto = z.infer<typeof requestPromotionSchema>;

/** `POST /v1/promotions/:id/approve` body (optional) and GraphQL `approvePromotion(id, reason)`. */
export const approvePromotionSchema = z.strictObject({
  reason: z.string().min(1).max(2000).optional(),
});
export type ApprovePromotionDto = z.infer<typeof approvePromotionSchema>;

/** `POST /v1/promotions/:id/reject` body and GraphQL `rejectPromotion(id, reason)`: a reason is required. */
export const rejectPromotionSchema = z.strictObject({ reason: z.string().min(1).max(2000) });
export type RejectPromotionDto = z.infer<typeof rejectPromotionSchema>;

/** `GET /v1/promotions` query and GraphQL `promotions(...)`. */
export const listPromotionsSchema = z.strictObject({
  status: z.enum(PROMOTION_STATUSES).optional(),
  environment: z.string().min(1).max(63).optional(),
  baselineId: z.uuid().optional(),
  ...pageQuery(),
});
export type ListPromotionsDto = z.infer<typeof listPromotionsSchema>;
