import { z } from 'zod';

const labelMap = z
  .record(z.string().min(1).max(317), z.string().max(63))
  .refine((m) => Object.keys(m).length <= 64, 'at most 64 labels');

/** `POST /v1/clusters` body and GraphQL `createCluster(input)`. */
export const createClusterSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/,
      'must be a DNS-1123 name of at most 63 characters',
    ),
  environment: z.string().min(1).max(63),
  labels: labelMap.optional(),
});

export type CreateClusterDto = z.infer<typeof createClusterSchema>;
