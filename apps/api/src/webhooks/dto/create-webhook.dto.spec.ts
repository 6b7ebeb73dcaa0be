import { createWebhookSchema } from './create-webhook.dto';

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
