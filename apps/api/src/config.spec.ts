import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_SECRETS_KEY } from '@fenceline/data-access';
import { loadConfig } from './config';

describe('API configuration', () => {
  it('defaults every variable for a local run', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/fenceline',
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'fenceline',
      ingestMaxBytes: 64 * 1024 * 1024,
      rateLimitPerMinute: 600,
      logFormat: 'json',
      logLevel: 'info',
      readinessTimeoutMs: 1000,
      graphqlMaxComplexity: 25_000,
      secretsKey: DEVELOPMENT_SECRETS_KEY,
      secretsKeyIsDevelopment: true,
      webhooks: { allowHttp: false },
    });
  });

  it('uses the development key outside production and refuses to start in production without SECRETS_KEY', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^invalid configuration: SECRETS_KEY: is required when NODE_ENV=production/,
    );
    const key = randomBytes(32);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        SECRETS_KEY: key.toString('base64'),
        WEBHOOK_ALLOW_HTTP: 'true',
      }),
    ).toMatchObject({
      secretsKey: key,
      secretsKeyIsDevelopment: false,
      webhooks: { allowHttp: true },
    });
  });

  it('names bad webhook settings', () => {
    expect(() => loadConfig({ SECRETS_KEY: 'abc' })).toThrow(
      /SECRETS_KEY: must be the base64 of exactly 32 bytes/,
    );
    expect(() => loadConfig({ WEBHOOK_ALLOW_HTTP: 'yes' })).toThrow(/WEBHOOK_ALLOW_HTTP/);
  });

  it('reads the GraphQL complexity limit and refuses a non-positive one', () => {
    expect(loadConfig({ GRAPHQL_MAX_COMPLEXITY: '40' }).graphqlMaxComplexity).toBe(40);
    expect(() => loadConfig({ GRAPHQL_MAX_COMPLEXITY: '0' })).toThrow(/GRAPHQL_MAX_COMPLEXITY: /);
  });

  it('reads the log level and the readiness timeout', () => {
    expect(loadConfig({ LOG_LEVEL: 'debug', READINESS_TIMEOUT_MS: '250' })).toMatchObject({
      logLevel: 'debug',
      readinessTimeoutMs: 250,
    });
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL: /);
  });

  it('refuses bad values, naming each variable', () => {
    expect(() =>
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', LOG_FORMAT: 'xml' }),
    ).toThrow(/PORT: .*; DATABASE_URL: must be a postgresql:\/\/ URL; LOG_FORMAT: /);
  });
});
