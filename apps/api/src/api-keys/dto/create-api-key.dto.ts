import { z } from 'zod';
import { ROLES } from '@fenceline/data-access';

/** `POST /v1/api-keys` body. */
export const createApiKeySchema = z.strictObject({
  name: z.string().min(1).max(100),
  role: z.enum(ROLES),
});
export type CreateApiKeyDto = z.infer<typeof createApiKeySchema>;
