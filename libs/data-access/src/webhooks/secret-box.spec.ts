import { randomBytes } from 'node:crypto';
import {
  DEVELOPMENT_SECRETS_KEY,
  resolveSecretsKey,
  SecretBox,
  SecretBoxError,
} from './secret-box';

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips, with a fresh IV each time and nothing of the plaintext visible', () => {
    const a = box.seal('the webhook secret', 'webhook/1');
    const b = box.seal('the webhook secret', 'webhook/1');
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(box.open(a, 'webhook/1')).toBe('the webhook secret');
    expect(box.open(box.seal('', 'x'), 'x')).toBe('');
  });

  it('detects tampering with any part', () => {
    const sealed = box.seal('the webhook secret', 'webhook/1');
    const parts = sealed.split('.');
    for (const index of [1, 2, 3]) {
      const changed = [...parts];
      const part = changed[index]!;
      changed[index] = `${part[0] === 'A' ? 'B' : 'A'}${part.slice(1)}`;
      expect(() => box.open(changed.join('.'), 'webhook/1')).toThrow(SecretBoxError);
    }
    for (const bad of ['', 'v1', 'v2.a.b.c', `${sealed}.x`, 'v1.AAAA.AAAA.AAAA']) {
      expect(() => box.open(bad, 'webhook/1')).toThrow(SecretBoxError);
    }
  });

  it('does not open under another key or another context', () => {
    const sealed = box.seal('the webhook secret', 'webhook/1');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'webhook/1')).toThrow(
      /another SECRETS_KEY/,
    );
    expect(() => box.open(sealed, 'webhook/2')).toThrow(SecretBoxError);
  });

  it('takes only 32-byte keys', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(RangeError);
  });
});

describe('resolveSecretsKey', () => {
  it('decodes a base64 key of 32 bytes', () => {
    const key = randomBytes(32);
    expect(resolveSecretsKey(key.toString('base64'), 'production')).toEqual({
      ok: true,
      key,
      development: false,
    });
    expect(resolveSecretsKey(key.toString('base64url'), undefined)).toEqual({
      ok: true,
      key,
      development: false,
    });
  });

  it('falls back to the fixed development key outside production only', () => {
    expect(resolveSecretsKey(undefined, 'development')).toEqual({
      ok: true,
      key: DEVELOPMENT_SECRETS_KEY,
      development: true,
    });
    expect(resolveSecretsKey('', undefined)).toMatchObject({ ok: true, development: true });
    expect(resolveSecretsKey(undefined, 'production')).toEqual({
      ok: false,
      message: expect.stringMatching(/required when NODE_ENV=production/),
    });
  });

  it('refuses keys of another size or not base64', () => {
    expect(resolveSecretsKey(randomBytes(16).toString('base64'), undefined)).toMatchObject({
      ok: false,
    });
    expect(resolveSecretsKey('not a key!', undefined)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/32 bytes/),
    });
  });
});
