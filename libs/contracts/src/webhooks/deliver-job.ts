import { z } from 'zod';

/** `deliver`: send one stored delivery (one event to one subscription). The job id is the delivery id. */
export const deliverJobSchema = z.strictObject({
  organizationId: z.uuid(),
  deliveryId: z.uuid(),
});

export type DeliverJob = z.infer<typeof deliverJobSchema>;

/**
 * `maxAttempts` tries with exponential backoff (`backoffMs`, then twice that, …); the delivery
 * row, not Redis, is the lasting record, so finished jobs expire.
 */
export function deliverJobOptions(maxAttempts: number, backoffMs: number) {
  return {
    attempts: maxAttempts,
    backoff: { type: 'exponential' as const, delay: backoffMs },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}
