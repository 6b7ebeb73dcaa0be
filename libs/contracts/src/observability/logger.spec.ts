import { createLogger, textDestination } from './logger';
import { redactPaths, scrubSecrets } from './redact';

/** A logger writing into an array, one parsed object per line. */
function capture(level: 'info' | 'warn' = 'info') {
  const lines: string[] = [];
  const logger = createLogger(
    { app: 'test', level, format: 'json' },
    { write: (line: string) => void lines.push(line) },
  );
  return {
    logger,
    entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    raw: () => lines.join(''),
  };
}

const TOKEN = 'flk_0a1b2c3d_' + 'Zm9vYmFyYmF6cXV4'.repeat(2);

describe('createLogger', () => {
  it('writes one JSON object per line with app, ISO time and the level as a word', () => {
    const { logger, entries } = capture();
    logger.info({ clusterId: 'c1' }, 'created');
    expect(entries()).toEqual([
      expect.objectContaining({ app: 'test', level: 'info', clusterId: 'c1', msg: 'created' }),
    ]);
    expect(new Date(String(entries()[0]?.['time'])).toISOString()).toBe(entries()[0]?.['time']);
  });

  it('redacts a bearer token in request headers, and credentials by field name at any depth', () => {
    const { logger, raw, entries } = capture();
    logger.info({
      req: {
        headers: {
          authorization: `Bearer ${TOKEN}`,
          cookie: 'session=s3cr3t',
          'user-agent': 'curl',
        },
      },
      job: { data: { webhook: { secret: 'whsec-value' } } },
      apiKey: TOKEN,
      SECRETS_KEY: 'c2VjcmV0c2tleQ==',
    });
    const text = raw();
    for (const secret of [TOKEN, 's3cr3t', 'whsec-value', 'c2VjcmV0c2tleQ=='])
      expect(text).not.toContain(secret);
    const [entry] = entries();
    expect(entry?.['req']).toEqual({
      headers: { authorization: '[REDACTED]', cookie: '[REDACTED]', 'user-agent': 'curl' },
    });
  });

  it('scrubs bearer credentials and our token formats out of messages and error stacks', () => {
    const { logger, raw } = capture();
    logger.warn(`refused Authorization: Bearer ${TOKEN}`);
    logger.error(
      { err: new Error(`agent token ${TOKEN.replace('flk', 'fla')} revoked`) },
      'push failed',
    );
    expect(raw()).not.toMatch(/fl[ka]_0a1b2c3d_/);
    expect(raw()).toContain('Bearer [REDACTED]');
    expect(raw()).toContain('push failed');
  });

  it('honours the level', () => {
    const { logger, entries } = capture('warn');
    logger.info('hidden');
    logger.warn('shown');
    expect(entries().map((e) => e['msg'])).toEqual(['shown']);
  });
});

describe('redaction helpers', () => {
  it('builds paths at every depth, bracketing names that are not identifiers', () => {
    expect(redactPaths(['token', 'set-cookie'])).toEqual([
      'token',
      '*.token',
      '*.*.token',
      '*.*.*.token',
      '["set-cookie"]',
      '*["set-cookie"]',
      '*.*["set-cookie"]',
      '*.*.*["set-cookie"]',
    ]);
  });

  it('leaves text without credentials alone', () => {
    expect(scrubSecrets('cluster prod-eu analysed in 12 ms')).toBe(
      'cluster prod-eu analysed in 12 ms',
    );
  });
});

describe('textDestination', () => {
  it('renders an entry as one readable line', () => {
    const lines: string[] = [];
    const logger = createLogger(
      { app: 'test', level: 'info', format: 'text' },
      textDestination((l) => void lines.push(l)),
    );
    logger.info({ context: 'Main', port: 3000 }, 'listening');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ INFO \[Main\] listening port=3000\n$/);
  });
});
