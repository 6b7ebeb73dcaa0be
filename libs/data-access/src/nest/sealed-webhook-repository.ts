import type { Database } from '../database';
import { resolveSecretsKey, SecretBox } from '../webhooks/secret-box';
import { WebhookRepository, type WebhookRepositoryOptions } from '../webhooks/webhook.repository';

/** The secrets key as the apps' configurations carry it. */
export interface SecretsKeyConfig {
  /** AES-256-GCM key for secrets at rest (`SECRETS_KEY`); a fixed development key when unset outside production. */
  readonly secretsKey: Buffer;
  readonly secretsKeyIsDevelopment: boolean;
}

/**
 * `SECRETS_KEY` for an app's configuration; throws `invalid configuration: SECRETS_KEY: …` when
 * it is malformed, or missing with `NODE_ENV=production` (the app then refuses to start).
 */
export function secretsKeyConfig(
  value: string | undefined,
  nodeEnv: string | undefined,
): SecretsKeyConfig {
  const secrets = resolveSecretsKey(value, nodeEnv);
  if (!secrets.ok) throw new Error(`invalid configuration: SECRETS_KEY: ${secrets.message}`);
  return { secretsKey: secrets.key, secretsKeyIsDevelopment: secrets.development };
}

/**
 * The webhook repository sealing secrets with the configured key; `warn` is told when that is
 * the public development key (the app's logger).
 */
export function sealedWebhookRepository(
  db: Database,
  config: SecretsKeyConfig,
  warn: (message: string) => void,
  options?: WebhookRepositoryOptions,
): WebhookRepository {
  if (config.secretsKeyIsDevelopment) {
    warn(
      'SECRETS_KEY is not set: webhook secrets are sealed with the fixed development key (never do this in production)',
    );
  }
  return new WebhookRepository(db, new SecretBox(config.secretsKey), options);
}
