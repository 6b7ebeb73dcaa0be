import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_SECRETS_KEY } from '@fenceline/data-access';
import { createWebhookSchema } from './dto/create-webhook.dto';
import { loadWebhooksConfig } from './webhooks.config';

describe('webhooks configuration', () => {
  it('uses the development key outside production and refuses to start in production without SECRETS_KEY', () => {
    expect(loadWebhooksConfig({})).toEqual({
      secretsKey: DEVELOPMENT_SECRETS_KEY,
      secretsKeyIsDevelopment: true,
      allowHttp: false,
    });
    expect(() => loadWebhooksConfig({ NODE_ENV: 'production' })).toThrow(
      /^invalid configuration: SECRETS_KEY: is required when NODE_ENV=production/,
    );
    const key = randomBytes(32);
    expect(
      loadWebhooksConfig({
        NODE_ENV: 'production',
        SECRETS_KEY: key.toString('base64'),
        WEBHOOK_ALLOW_HTTP: 'true',
      }),
    ).toEqual({ secretsKey: key, secretsKeyIsDevelopment: false, allowHttp: true });
  });

  it('names bad values', () => {
    expect(() => loadWebhooksConfig({ SECRETS_KEY: 'abc' })).toThrow(
      /SECRETS_KEY: must be the base64 of exactly 32 bytes/,
    );
    expect(() => loadWebhooksConfig({ WEBHOOK_ALLOW_HTTP: 'yes' })).toThrow(/WEBHOOK_ALLOW_HTTP/);
  });
});

describe('createWebhookSchema', () => {
  const valid = (url: string, allowHttp = false) =>
    createWebhookSchema({ allowHttp }).safeParse({ url, events: ['alert.opened'] }).success;

  it('takes https anywhere and plain http only to localhost, unless WEBHOOK_ALLOW_HTTP', () => {
    expect(valid('https://hooks.slack.com/services/T/B/X')).toBe(true);
    expect(valid('http://localhost:8080/hook')).toBe(true);
    expect(valid('http://127.0.0.1/hook')).toBe(true);
    expect(valid('http://[::1]/hook')).toBe(true);
    expect(valid('http://hooks.example.com/hook')).toBe(false);
    expect(valid('http://127.0.0.1.example.com/hook')).toBe(false);
    expect(valid('http://hooks.example.com/hook', true)).toBe(true);
    expect(valid('ftp://hooks.example.com/hook', true)).toBe(false);
    expect(valid('/relative')).toBe(false);
  });

  it('defaults the format to json', () => {
    expect(
      createWebhookSchema({ allowHttp: false }).parse({
        url: 'https://x.example.com',
        events: ['alert.opened'],
      }).format,
    ).toBe('json');
  });
});
