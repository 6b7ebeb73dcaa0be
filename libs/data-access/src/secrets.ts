import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets: `<kind>_<prefix>_<random>` with 256 random bits. Only the SHA-256 of the whole
 * token is stored (a slow hash adds nothing for random secrets of this size); the prefix lets
 * people tell keys apart in listings.
 */
export interface NewSecret {
  readonly token: string;
  readonly prefix: string;
  readonly hash: string;
}

export function newSecret(kind: 'flk' | 'fla'): NewSecret {
  const prefix = randomBytes(4).toString('hex');
  const token = `${kind}_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
