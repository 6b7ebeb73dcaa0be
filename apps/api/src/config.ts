import { z } from 'zod';
import {
  configIssues,
  databaseUrlSchema,
  logFormatSchema,
  pickEnv,
  queuePrefixSchema,
  redisUrlSchema,
} from '@fenceline/contracts';

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
  DATABASE_URL: databaseUrlSchema,
  REDIS_URL: redisUrlSchema,
  QUEUE_PREFIX: queuePrefixSchema,
  INGEST_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOG_FORMAT: logFormatSchema,
});

const KEYS = [
  'PORT',
  'DATABASE_URL',
  'REDIS_URL',
  'QUEUE_PREFIX',
  'INGEST_MAX_BYTES',
  'RATE_LIMIT_PER_MINUTE',
  'LOG_FORMAT',
] as const;

/** Throws an error naming every bad variable. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ApiConfig {
  const parsed = schema.safeParse(pickEnv(env, KEYS));
  if (!parsed.success) throw new Error(`invalid configuration: ${configIssues(parsed.error)}`);
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
