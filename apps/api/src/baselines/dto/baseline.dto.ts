import { z } from 'zod';
import { pageQuery } from '../../pagination/page-query';

const name = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'lower-case letters, digits and dashes');

/** `POST /v1/baselines` body and GraphQL `createBaseline(name)`. */
export const createBaselineSchema = z.strictObject({ name });
export type CreateBaselineDto = z.infer<typeof createBaselineSchema>;

/** `POST /v1/baselines/:id/versions` body and GraphQL `createBaselineVersion(contentJson, message)`. */
export const createVersionSchema = z.strictObject({
  content: z.unknown(),
  message: z.string().min(1).max(2000),
});
export type CreateVersionDto = z.infer<typeof createVersionSchema>;

/** `POST /v1/baselines/:id/pins` body and GraphQL `pinBaseline(environment, version)`. */
export const pinBaselineSchema = z.strictObject({
  environment: z.string().min(1).max(63),
  version: z.int().min(1),
});
export type PinBaselineDto = z.infer<typeof pinBaselineSchema>;

/** `GET /v1/baselines` query and GraphQL `baselines(...)`: an exact name, a page. */
export const listBaselinesSchema = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  ...pageQuery(),
});
export type ListBaselinesDto = z.infer<typeof listBaselinesSchema>;

/** `GET /v1/baselines/:id/versions/:from/diff/:to` query: the cluster whose connectivity changes. */
export const diffQuerySchema = z.strictObject({ clusterId: z.string().min(1).max(64).optional() });
export type DiffQueryDto = z.infer<typeof diffQuerySchema>;
