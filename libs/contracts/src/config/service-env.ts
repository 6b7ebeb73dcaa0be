import { z, type ZodError } from 'zod';

/**
 * Environment variables shared by the API, the worker and the CLI's admin commands: one
 * definition, one message per bad value.
 */
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/fenceline';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export const databaseUrlSchema = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
  .default(DEFAULT_DATABASE_URL);
export const redisUrlSchema = z
  .string()
  .regex(/^rediss?:\/\//, 'must be a redis:// URL')
  .default(DEFAULT_REDIS_URL);
export const queuePrefixSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -')
  .default('fenceline');
export const logFormatSchema = z.enum(['json', 'text']).default('json');

/** The named variables of `env`, with empty strings treated as unset. */
export function pickEnv<K extends string>(
  env: Readonly<Record<string, string | undefined>>,
  keys: readonly K[],
): Record<K, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, env[k] || undefined])) as Record<
    K,
    string | undefined
  >;
}

/** `VARIABLE: problem; ...` for a failed configuration parse. */
export function configIssues(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}
