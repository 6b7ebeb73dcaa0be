import { z } from 'zod';
import { configIssues, databaseUrlSchema, logFormatSchema, pickEnv, queuePrefixSchema, redisUrlSchema } from '@fenceline/contracts';

/** The worker's configuration: validated once at boot, frozen. Only this file reads process.env. */
export interface WorkerConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** BullMQ key prefix: separate installations (or test runs) sharing one Redis stay apart. */
  readonly queuePrefix: string;
  readonly logFormat: 'json' | 'text';
}

const schema = z.object({
  DATABASE_URL: databaseUrlSchema,
  REDIS_URL: redisUrlSchema,
  QUEUE_PREFIX: queuePrefixSchema,
  LOG_FORMAT: logFormatSchema,
});

export function loadWorkerConfig(env: Readonly<Record<string, string | undefined>> = process.env): WorkerConfig {
  const parsed = schema.safeParse(pickEnv(env, ['DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX', 'LOG_FORMAT']));
  if (!parsed.success) throw new Error(`invalid configuration: ${configIssues(parsed.error)}`);
  return Object.freeze({
    databaseUrl: parsed.data.DATABASE_URL,
    redisUrl: parsed.data.REDIS_URL,
    queuePrefix: parsed.data.QUEUE_PREFIX,
    logFormat: parsed.data.LOG_FORMAT,
  });
}
