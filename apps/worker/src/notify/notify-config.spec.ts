import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_SECRETS_KEY } from '@fenceline/data-access';
import { loadWorkerConfig } from '../config';

describe('worker configuration for webhooks', () => {
  it('defaults to 8 attempts, 5 s backoff, disabling after 5 failed deliveries, and the development key outside production', () => {
    const config = loadWorkerConfig({});
    expect(config.webhooks).toEqual({ maxAttempts: 8, backoffMs: 5000, disableAfterFailures: 5 });
    expect(config.secretsKey.equals(DEVELOPMENT_SECRETS_KEY)).toBe(true);
    expect(config.secretsKeyIsDevelopment).toBe(true);
  });

  it('takes SECRETS_KEY and the webhook settings from the environment', () => {
    const key = randomBytes(32);
    const config = loadWorkerConfig({
      NODE_ENV: 'production',
      SECRETS_KEY: key.toString('base64'),
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_BACKOFF_MS: '100',
      WEBHOOK_DISABLE_AFTER_FAILURES: '2',
    });
    expect(config.secretsKey.equals(key)).toBe(true);
    expect(config.secretsKeyIsDevelopment).toBe(false);
    expect(config.webhooks).toEqual({ maxAttempts: 3, backoffMs: 100, disableAfterFailures: 2 });
  });

  it('refuses to start in production without SECRETS_KEY, and bad values, naming the variable', () => {
    expect(() => loadWorkerConfig({ NODE_ENV: 'production' })).toThrow(
      /^invalid configuration: SECRETS_KEY: is required when NODE_ENV=production/,
    );
    expect(() => loadWorkerConfig({ SECRETS_KEY: 'c2hvcnQ=' })).toThrow(
      /SECRETS_KEY: must be the base64 of exactly 32 bytes/,
    );
    expect(() => loadWorkerConfig({ WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
  });
});
