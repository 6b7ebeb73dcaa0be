import { z } from 'zod';
import {
  configIssues,
  databaseUrlSchema,
  logFormatSchema,
  logLevelSchema,
  type LogLevel,
  pickEnv,
  queuePrefixSchema,
  redisUrlSchema,
} from '@fenceline/contracts';
import { secretsKeyConfig, type SecretsKeyConfig } from '@fenceline/data-access';

/**
 * The API's configuration: validated once at boot, frozen, provided by DI. Only this file reads
 * process.env. `secretsKey` seals webhook secrets (`SECRETS_KEY`, required with
 * `NODE_ENV=production`; the public development key otherwise).
 */
export interface ApiConfig extends SecretsKeyConfig {
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
  /** Least severe level written (`LOG_LEVEL`, default `info`; `silent` writes nothing). */
  readonly logLevel: LogLevel;
  /** How long `/readyz` waits for each dependency (PostgreSQL, Redis) before calling it down. */
  readonly readinessTimeoutMs: number;
  /**
   * Largest estimated cost of one GraphQL operation (`GRAPHQL_MAX_COMPLEXITY`): a field costs 1
   * plus its selection, times its `limit` when it pages (see graphql/query-complexity.ts).
   */
  readonly graphqlMaxComplexity: number;
  readonly webhooks: {
    /** Whether subscriptions may use plain http to any host (`WEBHOOK_ALLOW_HTTP`); otherwise only to localhost. */
    readonly allowHttp: boolean;
  };
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
  LOG_LEVEL: logLevelSchema,
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1000),
  // A default page (500) of a 50-field selection.
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(1).default(25_000),
  NODE_ENV: z.string().optional(),
  SECRETS_KEY: z.string().optional(),
  WEBHOOK_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
});

const KEYS = [
  'PORT',
  'DATABASE_URL',
  'REDIS_URL',
  'QUEUE_PREFIX',
  'INGEST_MAX_BYTES',
  'RATE_LIMIT_PER_MINUTE',
  'LOG_FORMAT',
  'LOG_LEVEL',
  'READINESS_TIMEOUT_MS',
  'GRAPHQL_MAX_COMPLEXITY',
  'NODE_ENV',
  'SECRETS_KEY',
  'WEBHOOK_ALLOW_HTTP',
] as const;

/**
 * Throws an error naming every bad variable; in production a missing `SECRETS_KEY` is one, so the
 * API refuses to start.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ApiConfig {
  const parsed = schema.safeParse(pickEnv(env, KEYS));
  if (!parsed.success) throw new Error(`invalid configuration: ${configIssues(parsed.error)}`);
  const secrets = secretsKeyConfig(parsed.data.SECRETS_KEY, parsed.data.NODE_ENV);
  return Object.freeze({
    port: parsed.data.PORT,
    databaseUrl: parsed.data.DATABASE_URL,
    redisUrl: parsed.data.REDIS_URL,
    queuePrefix: parsed.data.QUEUE_PREFIX,
    ingestMaxBytes: parsed.data.INGEST_MAX_BYTES,
    rateLimitPerMinute: parsed.data.RATE_LIMIT_PER_MINUTE,
    logFormat: parsed.data.LOG_FORMAT,
    logLevel: parsed.data.LOG_LEVEL,
    readinessTimeoutMs: parsed.data.READINESS_TIMEOUT_MS,
    graphqlMaxComplexity: parsed.data.GRAPHQL_MAX_COMPLEXITY,
    ...secrets,
    webhooks: Object.freeze({ allowHttp: parsed.data.WEBHOOK_ALLOW_HTTP === 'true' }),
  });
}
