import { z } from 'zod';

/** `POST /v1/waivers` body and GraphQL `requestWaiver(input)`. */
export const requestWaiverSchema = z.strictObject({
  controlId: z.string().min(1).max(32),
  scope: z.strictObject({
    cluster: z.string().min(1).max(253).optional(),
    namespace: z.string().min(1).max(63).optional(),
    workloadLabels: z.record(z.string().min(1).max(317), z.string().max(63)).optional(),
  }),
  justification: z.string().min(10, 'say why, in at least 10 characters').max(4000),
  ticketUrl: z.url({ protocol: /^https?$/ }),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type RequestWaiverDto = z.infer<typeof requestWaiverSchema>;
