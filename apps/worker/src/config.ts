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

/** The worker's configuration: validated once at boot, frozen. Only this file reads process.env. */
export interface WorkerConfig extends SecretsKeyConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** BullMQ key prefix: separate installations (or test runs) sharing one Redis stay apart. */
  readonly queuePrefix: string;
  readonly logFormat: 'json' | 'text';
  /** Least severe level written (`LOG_LEVEL`, default `info`). */
  readonly logLevel: LogLevel;
  /** Where `/healthz`, `/readyz` and `/metrics` listen (`WORKER_HTTP_HOST`, `WORKER_HTTP_PORT`). */
  readonly http: { readonly host: string; readonly port: number };
  /** How long `/readyz` waits for each dependency (`READINESS_TIMEOUT_MS`, default 1000). */
  readonly readinessTimeoutMs: number;
  /** Cron pattern (UTC) of the retention job (`RETENTION_SCHEDULE`, default daily at 03:30). */
  readonly retentionSchedule: string;
  readonly webhooks: {
    /** Tries per delivery before it is failed (`WEBHOOK_MAX_ATTEMPTS`). */
    readonly maxAttempts: number;
    /** First retry delay, doubling after each failed try (`WEBHOOK_BACKOFF_MS`). */
    readonly backoffMs: number;
    /** Consecutive failed deliveries that disable a subscription (`WEBHOOK_DISABLE_AFTER_FAILURES`). */
    readonly disableAfterFailures: number;
  };
}

/** The DI token of the worker's {@link WorkerConfig}. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

const schema = z.object({
  DATABASE_URL: databaseUrlSchema,
  REDIS_URL: redisUrlSchema,
  QUEUE_PREFIX: queuePrefixSchema,
  LOG_FORMAT: logFormatSchema,
  LOG_LEVEL: logLevelSchema,
  WORKER_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  // 9464: the port Prometheus exporters of this kind conventionally take.
  WORKER_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1000),
  RETENTION_SCHEDULE: z
    .string()
    .regex(/^\S+( \S+){4,5}$/, 'must be a cron pattern of 5 or 6 fields')
    .default('30 3 * * *'),
  NODE_ENV: z.string().optional(),
  SECRETS_KEY: z.string().optional(),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).default(5000),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(5),
});

export function loadWorkerConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): WorkerConfig {
  const parsed = schema.safeParse(
    pickEnv(env, [
      'DATABASE_URL',
      'REDIS_URL',
      'QUEUE_PREFIX',
      'LOG_FORMAT',
      'LOG_LEVEL',
      'WORKER_HTTP_HOST',
      'WORKER_HTTP_PORT',
      'READINESS_TIMEOUT_MS',
      'RETENTION_SCHEDULE',
      'NODE_ENV',
      'SECRETS_KEY',
      'WEBHOOK_MAX_ATTEMPTS',
      'WEBHOOK_BACKOFF_MS',
      'WEBHOOK_DISABLE_AFTER_FAILURES',
    ]),
  );
  if (!parsed.success) throw new Error(`invalid configuration: ${configIssues(parsed.error)}`);
  const secrets = secretsKeyConfig(parsed.data.SECRETS_KEY, parsed.data.NODE_ENV);
  return Object.freeze({
    databaseUrl: parsed.data.DATABASE_URL,
    redisUrl: parsed.data.REDIS_URL,
    queuePrefix: parsed.data.QUEUE_PREFIX,
    logFormat: parsed.data.LOG_FORMAT,
    logLevel: parsed.data.LOG_LEVEL,
    http: Object.freeze({ host: parsed.data.WORKER_HTTP_HOST, port: parsed.data.WORKER_HTTP_PORT }),
    readinessTimeoutMs: parsed.data.READINESS_TIMEOUT_MS,
    retentionSchedule: parsed.data.RETENTION_SCHEDULE,
    ...secrets,
    webhooks: Object.freeze({
      maxAttempts: parsed.data.WEBHOOK_MAX_ATTEMPTS,
      backoffMs: parsed.data.WEBHOOK_BACKOFF_MS,
      disableAfterFailures: parsed.data.WEBHOOK_DISABLE_AFTER_FAILURES,
    }),
  });
}
