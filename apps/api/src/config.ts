import { z } from 'zod';

/** The API's configuration: validated once at boot, frozen, provided by DI. Only this file reads process.env. */
export interface ApiConfig {
  readonly port: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** BullMQ key prefix: separate installations (or test runs) sharing one Redis stay apart. */
  readonly queuePrefix: string;
  /** Largest snapshot body accepted, after decompression (bytes). */
  readonly ingestMaxBytes: number;
  /** Requests per minute and client address, on every route but health and metrics. */
  readonly rateLimitPerMinute: number;
  /** `json` (one object per line, for log shippers) or `text`. */
  readonly logFormat: 'json' | 'text';
}

export const API_CONFIG = Symbol('API_CONFIG');

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').default('postgresql://postgres@127.0.0.1:5432/fenceline'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -').default('fenceline'),
  INGEST_MAX_BYTES: z.coerce.number().int().min(1024).default(64 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOG_FORMAT: z.enum(['json', 'text']).default('json'),
});

/** Throws an error naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): ApiConfig {
  const parsed = schema.safeParse({
    PORT: env['PORT'] || undefined,
    DATABASE_URL: env['DATABASE_URL'] || undefined,
    REDIS_URL: env['REDIS_URL'] || undefined,
    QUEUE_PREFIX: env['QUEUE_PREFIX'] || undefined,
    INGEST_MAX_BYTES: env['INGEST_MAX_BYTES'] || undefined,
    RATE_LIMIT_PER_MINUTE: env['RATE_LIMIT_PER_MINUTE'] || undefined,
    LOG_FORMAT: env['LOG_FORMAT'] || undefined,
  });
  if (!parsed.success) {
    throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return Object.freeze({
    port: parsed.data.PORT,
    databaseUrl: parsed.data.DATABASE_URL,
    redisUrl: parsed.data.REDIS_URL,
    queuePrefix: parsed.data.QUEUE_PREFIX,
    ingestMaxBytes: parsed.data.INGEST_MAX_BYTES,
    rateLimitPerMinute: parsed.data.RATE_LIMIT_PER_MINUTE,
    logFormat: parsed.data.LOG_FORMAT,
  });
}
