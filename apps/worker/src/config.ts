import { z } from 'zod';

/** The worker's configuration: validated once at boot, frozen. Only this file reads process.env. */
export interface WorkerConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** BullMQ key prefix: separate installations (or test runs) sharing one Redis stay apart. */
  readonly queuePrefix: string;
  readonly logFormat: 'json' | 'text';
}

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').default('postgresql://postgres@127.0.0.1:5432/fenceline'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  LOG_FORMAT: z.enum(['json', 'text']).default('json'),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -').default('fenceline'),
});

export function loadWorkerConfig(env: Readonly<Record<string, string | undefined>> = process.env): WorkerConfig {
  const parsed = schema.safeParse({
    DATABASE_URL: env['DATABASE_URL'] || undefined,
    REDIS_URL: env['REDIS_URL'] || undefined,
    QUEUE_PREFIX: env['QUEUE_PREFIX'] || undefined,
    LOG_FORMAT: env['LOG_FORMAT'] || undefined,
  });
  if (!parsed.success) {
    throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return Object.freeze({ databaseUrl: parsed.data.DATABASE_URL, redisUrl: parsed.data.REDIS_URL,
    queuePrefix: parsed.data.QUEUE_PREFIX, logFormat: parsed.data.LOG_FORMAT });
}
