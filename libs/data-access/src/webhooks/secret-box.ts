import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value could not be opened: another key, another context, or altered data. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * Secrets at rest: AES-256-GCM with a random 96-bit IV per value. The `context` (e.g. the row it
 * belongs to) is authenticated as additional data, so a sealed value copied to another row does
 * not open there. Sealed form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 *
 * @example const box = new SecretBox(key); box.open(box.seal('s3cr3t', 'row/1'), 'row/1') // 's3cr3t'
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError(`a SecretBox key is 32 bytes, not ${key.length}`);
    this.key = Buffer.from(key);
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Throws {@link SecretBoxError} unless `sealed` was sealed with this key and this context, unaltered. */
  open(sealed: string, context: string): string {
    const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (
      version !== VERSION ||
      iv === undefined ||
      tag === undefined ||
      ciphertext === undefined ||
      rest.length > 0
    ) {
      throw new SecretBoxError('not a sealed secret');
    }
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES)
      throw new SecretBoxError('not a sealed secret');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, ivBytes, {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretBoxError('the secret does not open: another SECRETS_KEY, or altered data');
    }
  }
}

/**
 * The key used when `SECRETS_KEY` is unset outside production: fixed and public, so development
 * data survives restarts, and worthless as protection.
 */
export const DEVELOPMENT_SECRETS_KEY: Buffer = createHash('sha256')
  .update('fenceline development secrets key: not for production')
  .digest();

export type SecretsKeyResult =
  | { readonly ok: true; readonly key: Buffer; readonly development: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * The secrets key from the `SECRETS_KEY` variable (base64 of 32 random bytes, e.g.
 * `openssl rand -base64 32`). Unset: the development key, except with `NODE_ENV=production`,
 * where that is a configuration error.
 */
export function resolveSecretsKey(
  value: string | undefined,
  nodeEnv: string | undefined,
): SecretsKeyResult {
  if (value === undefined || value === '') {
    if (nodeEnv === 'production') {
      return {
        ok: false,
        message:
          'is required when NODE_ENV=production (base64 of 32 random bytes: `openssl rand -base64 32`)',
      };
    }
    return { ok: true, key: DEVELOPMENT_SECRETS_KEY, development: true };
  }
  const trimmed = value.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || key.length !== 32) {
    return {
      ok: false,
      message: 'must be the base64 of exactly 32 bytes (`openssl rand -base64 32`)',
    };
  }
  return { ok: true, key, development: false };
}
