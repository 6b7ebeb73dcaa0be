import { z } from 'zod';
import { configIssues, pickEnv } from '@fenceline/contracts';
import { secretsKeyConfig, type SecretsKeyConfig } from '@fenceline/data-access';

/** The API's webhook settings: validated once at boot, frozen, provided by DI. */
export interface WebhooksConfig extends SecretsKeyConfig {
  /** Whether subscriptions may use plain http to any host (`WEBHOOK_ALLOW_HTTP`); otherwise only to localhost. */
  readonly allowHttp: boolean;
}

export const WEBHOOKS_CONFIG = Symbol('WEBHOOKS_CONFIG');

const schema = z.object({
  NODE_ENV: z.string().optional(),
  SECRETS_KEY: z.string().optional(),
  WEBHOOK_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
});

const KEYS = ['NODE_ENV', 'SECRETS_KEY', 'WEBHOOK_ALLOW_HTTP'] as const;

/**
 * Throws an error naming every bad variable; in production a missing `SECRETS_KEY` is one, so the
 * API refuses to start. (These belong with the rest in `config.ts`; they live here while the
 * webhooks feature is the only reader.)
 */
export function loadWebhooksConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): WebhooksConfig {
  const parsed = schema.safeParse(pickEnv(env, KEYS));
  if (!parsed.success) throw new Error(`invalid configuration: ${configIssues(parsed.error)}`);
  return Object.freeze({
    ...secretsKeyConfig(parsed.data.SECRETS_KEY, parsed.data.NODE_ENV),
    allowHttp: parsed.data.WEBHOOK_ALLOW_HTTP === 'true',
  });
}
