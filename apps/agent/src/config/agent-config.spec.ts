import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_VERSION } from '../version';
import { parseAgentConfig, type AgentConfig } from './agent-config';

const ok = (argv: string[], env: Record<string, string> = {}): AgentConfig => {
  const result = parseAgentConfig(argv, env);
  if (result.ok !== true) throw new Error(`expected a valid config, got ${JSON.stringify(result)}`);
  return result.config;
};
const errors = (argv: string[], env: Record<string, string> = {}): readonly string[] => {
  const result = parseAgentConfig(argv, env);
  if (result.ok !== false) throw new Error(`expected errors, got ${JSON.stringify(result)}`);
  return result.errors;
};

describe('parseAgentConfig', () => {
  it('takes the documented defaults', () => {
    const config = ok([
      '--api-url',
      'https://fenceline.example.com',
      '--token-file',
      '/var/run/secrets/fenceline/token',
    ]);
    expect(config).toMatchObject({
      source: { kind: 'cluster' },
      once: false,
      dryRun: false,
      debounceMs: 5_000,
      resyncMs: 600_000,
      healthPort: 8080,
      healthHost: '0.0.0.0',
      logLevel: 'info',
      requestTimeoutMs: 60_000,
      maxBackoffMs: 300_000,
      onceTimeoutMs: 120_000,
      pageSize: 500,
      token: { kind: 'file', path: '/var/run/secrets/fenceline/token' },
    });
    expect(config.apiUrl?.href).toBe('https://fenceline.example.com/');
    expect(config.spoolDir).toBeUndefined();
    expect(config.clusterName).toBeUndefined();
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      FENCELINE_API_URL: 'https://env.example.com',
      FENCELINE_TOKEN: 'env-token',
      FENCELINE_CLUSTER_NAME: 'prod-eu',
      FENCELINE_DEBOUNCE: '2s',
      FENCELINE_RESYNC_INTERVAL: '15m',
      FENCELINE_SPOOL_DIR: '/var/spool/fenceline',
      FENCELINE_HEALTH_PORT: '9000',
      FENCELINE_LOG_LEVEL: 'debug',
    };
    const fromEnv = ok([], env);
    expect(fromEnv).toMatchObject({
      token: { kind: 'value', value: 'env-token' },
      clusterName: 'prod-eu',
      debounceMs: 2_000,
      resyncMs: 900_000,
      spoolDir: '/var/spool/fenceline',
      healthPort: 9000,
      logLevel: 'debug',
    });
    expect(fromEnv.apiUrl?.host).toBe('env.example.com');
    const fromFlags = ok(
      ['--api-url', 'http://127.0.0.1:3000', '--debounce', '500ms', '--cluster-name', 'other'],
      env,
    );
    expect(fromFlags.apiUrl?.host).toBe('127.0.0.1:3000');
    expect(fromFlags).toMatchObject({ debounceMs: 500, clusterName: 'other', resyncMs: 900_000 });
  });

  it('lists every problem at once, naming the flag and the variable', () => {
    const found = errors([
      '--api-url',
      'ftp://x',
      '--debounce',
      'soon',
      '--resync-interval',
      '1s',
      '--health-port',
      '70000',
      '--log-level',
      'loud',
    ]);
    expect(found).toEqual([
      '--api-url / FENCELINE_API_URL: "ftp://x" must be an http or https URL',
      'an agent token is required: --token-file / FENCELINE_TOKEN_FILE (a mounted Secret) or --token / FENCELINE_TOKEN, unless --dry-run',
      '--log-level / FENCELINE_LOG_LEVEL: "loud" must be debug, info, warn or error',
      '--debounce / FENCELINE_DEBOUNCE: "soon" is not a duration (e.g. 500ms, 5s, 10m, 1h)',
      '--resync-interval / FENCELINE_RESYNC_INTERVAL: 1s is out of range (10s to 24h)',
      '--health-port / FENCELINE_HEALTH_PORT: "70000" must be a whole number from 0 to 65535',
    ]);
  });

  it('requires the API URL and a token unless --dry-run', () => {
    expect(errors([])).toEqual([
      '--api-url / FENCELINE_API_URL is required (the Fenceline API base URL), unless --dry-run',
      'an agent token is required: --token-file / FENCELINE_TOKEN_FILE (a mounted Secret) or --token / FENCELINE_TOKEN, unless --dry-run',
    ]);
    expect(ok(['--dry-run'])).toMatchObject({ dryRun: true, once: true });
  });

  it('refuses two tokens, a URL with credentials and a non-URL', () => {
    expect(
      errors(['--api-url', 'https://u:p@x.example', '--token', 'a', '--token-file', 'b']),
    ).toEqual([
      '--api-url / FENCELINE_API_URL: put credentials in the token, not in the URL',
      'give the token once: --token / FENCELINE_TOKEN or --token-file / FENCELINE_TOKEN_FILE, not both',
    ]);
    expect(errors(['--api-url', 'not a url', '--token', 'a'])).toEqual([
      '--api-url / FENCELINE_API_URL: "not a url" is not a URL',
    ]);
  });

  it('reads folders with --from-dir, where kubeconfig flags do not apply', () => {
    expect(ok(['--from-dir', 'a', 'b', '--once', '--dry-run']).source).toEqual({
      kind: 'dir',
      paths: ['a', 'b'],
    });
    expect(errors(['--from-dir', 'a', '--kubeconfig', 'k', '--dry-run'])).toEqual([
      '--from-dir reads manifests: --kubeconfig and --context do not apply',
    ]);
    expect(ok(['--dry-run', '--kubeconfig', '/k', '--context', 'kind-a']).source).toEqual({
      kind: 'cluster',
      kubeconfig: '/k',
      context: 'kind-a',
    });
  });

  it('reports unknown flags and answers --help and --version', () => {
    expect(errors(['--dry-run', '--frobnicate'])).toEqual(["unknown option '--frobnicate'"]);
    const help = parseAgentConfig(['--help'], {});
    expect(help.ok).toBe('exit');
    if (help.ok === 'exit') {
      for (const text of [
        '--api-url',
        'FENCELINE_TOKEN_FILE',
        '--from-dir',
        '--once',
        '--spool-dir',
        '(default 5s)',
        '(default 10m)',
      ])
        expect(help.output).toContain(text);
    }
    expect(parseAgentConfig(['--version'], {})).toEqual({
      ok: 'exit',
      output: `${AGENT_VERSION}\n`,
      code: 0,
    });
  });

  it('keeps AGENT_VERSION equal to the package version', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
      version: string;
    };
    expect(AGENT_VERSION).toBe(pkg.version);
  });
});

describe('parseAgentConfig on random input', () => {
  // Whatever a manifest or a shell passes, the agent answers with a config or with messages.
  it('never throws, and every error names a flag, a variable or an option (property)', () => {
    const flag = fc.constantFrom(
      '--api-url',
      '--token',
      '--token-file',
      '--debounce',
      '--resync-interval',
      '--health-port',
      '--log-level',
      '--from-dir',
      '--once',
      '--dry-run',
      '--page-size',
      '--max-backoff',
      '--kubeconfig',
      '--bogus',
      '-x',
      '--',
    );
    const word = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '5s',
        '0',
        '-1',
        '1e9',
        'http://a',
        'https://x.example',
        'ftp://y',
        '99999',
        'debug',
        '',
      ),
    );
    const env = fc.dictionary(
      fc.constantFrom(
        'FENCELINE_API_URL',
        'FENCELINE_TOKEN',
        'FENCELINE_DEBOUNCE',
        'FENCELINE_HEALTH_PORT',
        'FENCELINE_LOG_LEVEL',
        'FENCELINE_PAGE_SIZE',
        'OTHER',
      ),
      word,
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(flag, word), { maxLength: 8 }), env, (argv, vars) => {
        const result = parseAgentConfig(argv, vars);
        if (result.ok === false) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(e).toMatch(/--|FENCELINE_|option|argument|token/);
        }
      }),
      { numRuns: Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 500) },
    );
  });
});
