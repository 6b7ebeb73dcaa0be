import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature, WEBHOOK_HEADERS } from './webhook-signature';

const secret = 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA';
const body = '{"id":"e1","type":"alert.opened"}';
const now = new Date('2024-05-01T12:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

const headersFor = (signature: string, timestamp: number | string = ts) => ({
  'X-Fenceline-Timestamp': String(timestamp),
  'X-Fenceline-Signature': signature,
  'X-Fenceline-Event': 'alert.opened',
});

describe('signWebhook', () => {
  it('is sha256= and the hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the secret', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(signWebhook(secret, ts, body)).toBe(`sha256=${expected}`);
    expect(signWebhook(secret, ts, Buffer.from(body))).toBe(`sha256=${expected}`);
  });

  it('names the headers in lower case, as Node shows them', () => {
    expect(Object.values(WEBHOOK_HEADERS)).toEqual([
      'x-fenceline-event',
      'x-fenceline-delivery',
      'x-fenceline-timestamp',
      'x-fenceline-signature',
    ]);
  });
});

describe('verifyWebhookSignature', () => {
  const valid = signWebhook(secret, ts, body);

  it('accepts an authentic, fresh delivery (headers in any case, body as string or bytes)', () => {
    expect(verifyWebhookSignature(secret, headersFor(valid), body, { now })).toBe(true);
    const lower = { 'x-fenceline-timestamp': String(ts), 'x-fenceline-signature': [valid] };
    expect(verifyWebhookSignature(secret, lower, Buffer.from(body), { now })).toBe(true);
  });

  it.each([
    [
      'another secret',
      () => verifyWebhookSignature(`${secret}x`, headersFor(valid), body, { now }),
    ],
    [
      'a changed body',
      () => verifyWebhookSignature(secret, headersFor(valid), body.replace('e1', 'e2'), { now }),
    ],
    [
      'a changed timestamp',
      () => verifyWebhookSignature(secret, headersFor(valid, ts + 1), body, { now }),
    ],
    [
      'a truncated signature',
      () => verifyWebhookSignature(secret, headersFor(valid.slice(0, -2)), body, { now }),
    ],
    [
      'another scheme',
      () =>
        verifyWebhookSignature(secret, headersFor(valid.replace('sha256=', 'sha1=')), body, {
          now,
        }),
    ],
    [
      'no signature',
      () => verifyWebhookSignature(secret, { 'x-fenceline-timestamp': String(ts) }, body, { now }),
    ],
    [
      'no timestamp',
      () => verifyWebhookSignature(secret, { 'x-fenceline-signature': valid }, body, { now }),
    ],
    [
      'a non-numeric timestamp',
      () => verifyWebhookSignature(secret, headersFor(valid, '1e9'), body, { now }),
    ],
  ])('refuses %s', (_name, verify) => {
    expect(verify()).toBe(false);
  });

  it('refuses deliveries outside the tolerance (replays), 300 s by default', () => {
    const old = ts - 301;
    const signed = signWebhook(secret, old, body);
    expect(verifyWebhookSignature(secret, headersFor(signed, old), body, { now })).toBe(false);
    expect(
      verifyWebhookSignature(secret, headersFor(signed, old), body, { now, toleranceSeconds: 600 }),
    ).toBe(true);
    const future = ts + 299;
    expect(
      verifyWebhookSignature(secret, headersFor(signWebhook(secret, future, body), future), body, {
        now,
      }),
    ).toBe(true);
  });
});
