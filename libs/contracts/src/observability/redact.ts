/**
 * Field names whose values never reach a log line, wherever they sit in a logged object (up to
 * four levels deep, which covers `req.headers.*` and a job's `data.*`): credentials in headers,
 * our bearer secrets (API keys `flk_…`, agent tokens `fla_…`), webhook secrets and the secrets key.
 */
export const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'proxy-authorization',
  'token',
  'agentToken',
  'apiKey',
  'key',
  'secret',
  'webhookSecret',
  'secretsKey',
  'SECRETS_KEY',
  'password',
] as const;

const DEPTH = 4;

/** pino `redact.paths` for {@link SECRET_FIELDS} at every depth up to four. */
export function redactPaths(fields: readonly string[] = SECRET_FIELDS): string[] {
  return fields.flatMap((field) => {
    const leaf = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
    return Array.from({ length: DEPTH }, (_, depth) =>
      // `*.token`, `*.*.token`; a bracketed leaf joins without a dot: `*["set-cookie"]`.
      leaf.startsWith('[')
        ? `${'*.'.repeat(depth).replace(/\.$/, '')}${leaf}`
        : `${'*.'.repeat(depth)}${leaf}`,
    );
  });
}

/**
 * Secrets that slip into free text (an error message quoting a header, a URL): bearer
 * credentials and our own token formats, whatever field holds them.
 */
const SECRET_TEXT = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+|\bfl[ka]_[A-Za-z0-9]+_[A-Za-z0-9_-]+/gi;

/** `text` with every credential in it replaced by `[REDACTED]` (the scheme word is kept). */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_TEXT, (match, scheme: string | undefined) =>
    scheme ? `${scheme} [REDACTED]` : '[REDACTED]',
  );
}
