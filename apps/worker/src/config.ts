import { z } from 'zod';
import {
  configIssues,
  databaseUrlSchema,
  logFormatSchema,
  pickEnv,
  queuePrefixSchema,
  redisUrlSchema,
} from '@fenceline/contracts';
import { resolveSecretsKey } from '@fenceline/data-access';

/** The worker's configuration: validated once at boot, frozen. Only this file reads process.env. */
export interface WorkerConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** BullMQ key prefix: separate installations (or test runs) sharing one Redis stay apart. */
  readonly queuePrefix: string;
  readonly logFormat: 'json' | 'text';
  /** AES-256-GCM key for secrets at rest (`SECRETS_KEY`); a fixed development key when unset outside production. */
  readonly secretsKey: Buffer;
  readonly secretsKeyIsDevelopment: boolean;
  readonly webhooks: {
    /** Tries per delivery before it is failed (`WEBHOOK_MAX_ATTEMPTS`). */
    readonly maxAttempts: number;
    /** First retry delay, doubling after each failed try (`WEBHOOK_BACKOFF_MS`). */
    readonly backoffMs: number;
    /** Consecutive failed deliveries that disable a subscription (`WEBHOOK_DISABLE_AFTER_FAILURES`). */
    readonly disableAfterFailures: number;
  };
}

const schema = z.object({
  DATABASE_URL: databaseUrlSchema,
  REDIS_URL: redisUrlSchema,
  QUEUE_PREFIX: queuePrefixSchema,
  LOG_FORMAT: logFormatSchema,
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
      'NODE_ENV',
      'SECRETS_KEY',
      'WEBHOOK_MAX_ATTEMPTS',
      'WEBHOOK_BACKOFF_MS',
      'WEBHOOK_DISABLE_AFTER_FAILURES',
    ]),
  );
  if (!parsed.success) throw new Error(`invalid configuration: ${configIssues(parsed.error)}`);
  const secrets = resolveSecretsKey(parsed.data.SECRETS_KEY, parsed.data.NODE_ENV);
  if (!secrets.ok) throw new Error(`invalid configuration: SECRETS_KEY: ${secrets.message}`);
  return Object.freeze({
    databaseUrl: parsed.data.DATABASE_URL,
    redisUrl: parsed.data.REDIS_URL,
    queuePrefix: parsed.data.QUEUE_PREFIX,
    logFormat: parsed.data.LOG_FORMAT,
    secretsKey: secrets.key,
    secretsKeyIsDevelopment: secrets.development,
    webhooks: Object.freeze({
      maxAttempts: parsed.data.WEBHOOK_MAX_ATTEMPTS,
      backoffMs: parsed.data.WEBHOOK_BACKOFF_MS,
      disableAfterFailures: parsed.data.WEBHOOK_DISABLE_AFTER_FAILURES,
    }),
  });
}
