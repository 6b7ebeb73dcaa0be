import { Command, CommanderError, Option } from 'commander';
import { AGENT_VERSION } from '../version';
import { formatDuration, parseDuration } from './duration';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where the agent reads objects from: the live cluster, or manifest folders (`--from-dir`). */
export type AgentSource =
  | { readonly kind: 'cluster'; readonly kubeconfig?: string; readonly context?: string }
  | { readonly kind: 'dir'; readonly paths: readonly string[] };

/** Where the push token comes from; a file is re-read when the API answers 401 (a rotated Secret). */
export type TokenSource =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'file'; readonly path: string };

export interface AgentConfig {
  readonly apiUrl?: URL;
  readonly token?: TokenSource;
  readonly clusterName?: string;
  readonly source: AgentSource;
  readonly once: boolean;
  /** Print the snapshot on stdout instead of pushing it (needs neither API URL nor token). */
  readonly dryRun: boolean;
  readonly debounceMs: number;
  readonly resyncMs: number;
  readonly spoolDir?: string;
  /** 0 turns the health and metrics server off. */
  readonly healthPort: number;
  readonly healthHost: string;
  readonly logLevel: LogLevel;
  readonly requestTimeoutMs: number;
  readonly maxBackoffMs: number;
  /** How long `--once` keeps retrying a failing push before it gives up. */
  readonly onceTimeoutMs: number;
  readonly pageSize: number;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: AgentConfig }
  | { readonly ok: false; readonly errors: readonly string[] }
  | { readonly ok: 'exit'; readonly output: string; readonly code: number };

export type Env = Readonly<Record<string, string | undefined>>;

interface Flags {
  apiUrl?: string;
  token?: string;
  tokenFile?: string;
  clusterName?: string;
  kubeconfig?: string;
  context?: string;
  fromDir?: string[];
  once?: boolean;
  dryRun?: boolean;
  debounce?: string;
  resyncInterval?: string;
  spoolDir?: string;
  healthPort?: string;
  healthHost?: string;
  logLevel?: string;
  requestTimeout?: string;
  maxBackoff?: string;
  onceTimeout?: string;
  pageSize?: string;
}

/** Each setting: its flag, its environment variable and its default, for `--help` and messages. */
const SETTINGS = {
  apiUrl: {
    flag: '--api-url <url>',
    env: 'FENCELINE_API_URL',
    help: 'Fenceline API base URL, e.g. https://fenceline.example.com',
  },
  token: {
    flag: '--token <token>',
    env: 'FENCELINE_TOKEN',
    help: "the cluster's agent token (prefer --token-file)",
  },
  tokenFile: {
    flag: '--token-file <path>',
    env: 'FENCELINE_TOKEN_FILE',
    help: 'a file holding the agent token (a mounted Secret)',
  },
  clusterName: {
    flag: '--cluster-name <name>',
    env: 'FENCELINE_CLUSTER_NAME',
    help: 'the cluster name recorded in snapshots',
  },
  kubeconfig: {
    flag: '--kubeconfig <path>',
    env: 'KUBECONFIG',
    help: 'kubeconfig file (default: in-cluster service account, else ~/.kube/config)',
  },
  context: { flag: '--context <name>', env: 'FENCELINE_KUBE_CONTEXT', help: 'kubeconfig context' },
  debounce: {
    flag: '--debounce <duration>',
    env: 'FENCELINE_DEBOUNCE',
    help: 'quiet time after a change before pushing',
    default: '5s',
  },
  resyncInterval: {
    flag: '--resync-interval <duration>',
    env: 'FENCELINE_RESYNC_INTERVAL',
    help: 'push a full snapshot at least this often',
    default: '10m',
  },
  spoolDir: {
    flag: '--spool-dir <path>',
    env: 'FENCELINE_SPOOL_DIR',
    help: 'writable folder keeping the newest unpushed snapshot across restarts',
  },
  healthPort: {
    flag: '--health-port <port>',
    env: 'FENCELINE_HEALTH_PORT',
    help: '/healthz, /readyz and /metrics port (0: off)',
    default: '8080',
  },
  healthHost: {
    flag: '--health-host <address>',
    env: 'FENCELINE_HEALTH_HOST',
    help: 'address the health server listens on',
    default: '0.0.0.0',
  },
  logLevel: {
    flag: '--log-level <level>',
    env: 'FENCELINE_LOG_LEVEL',
    help: 'debug, info, warn or error',
    default: 'info',
  },
  requestTimeout: {
    flag: '--request-timeout <duration>',
    env: 'FENCELINE_REQUEST_TIMEOUT',
    help: 'timeout of one push or list request',
    default: '60s',
  },
  maxBackoff: {
    flag: '--max-backoff <duration>',
    env: 'FENCELINE_MAX_BACKOFF',
    help: 'longest wait between retries',
    default: '5m',
  },
  onceTimeout: {
    flag: '--once-timeout <duration>',
    env: 'FENCELINE_ONCE_TIMEOUT',
    help: 'with --once: give up retrying after this long',
    default: '2m',
  },
  pageSize: {
    flag: '--page-size <n>',
    env: 'FENCELINE_PAGE_SIZE',
    help: 'objects per list page from the Kubernetes API',
    default: '500',
  },
} as const;

type SettingName = keyof typeof SETTINGS;

/**
 * Reads the agent's configuration from flags, then environment variables, then defaults, and
 * validates all of it at once, so a misconfigured install says everything that is wrong in its
 * first log line instead of failing later.
 *
 * @example parseAgentConfig(['--from-dir', 'examples/dev', '--once', '--dry-run'], {})
 */
export function parseAgentConfig(argv: readonly string[], env: Env): ConfigResult {
  const program = new Command('fenceline-agent')
    .description(
      'Watches a Kubernetes cluster (or manifest folders) and pushes inventory snapshots to Fenceline.',
    )
    .version(AGENT_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .allowExcessArguments(false);
  for (const s of Object.values(SETTINGS)) {
    program.addOption(
      new Option(
        s.flag,
        `${s.help} [env ${s.env}]${'default' in s ? ` (default ${s.default})` : ''}`,
      ),
    );
  }
  program
    .option(
      '--from-dir <path...>',
      'push snapshots built from manifest folders instead of a live cluster',
    )
    .option(
      '--once',
      'push one snapshot and exit (exit code 0 pushed, 1 failed, 3 token rejected, 4 snapshot rejected)',
    )
    .option('--dry-run', 'print the snapshot as JSON on stdout instead of pushing it');

  let flags: Flags;
  try {
    program.parse(['node', 'fenceline-agent', ...argv]);
    flags = program.opts<Flags>();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
        return {
          ok: 'exit',
          output:
            error.code === 'commander.version' ? `${AGENT_VERSION}\n` : program.helpInformation(),
          code: 0,
        };
      }
      return { ok: false, errors: [error.message.replace(/^error: /, '')] };
    }
    throw error;
  }
  return validate(flags, env);
}

function validate(flags: Flags, env: Env): ConfigResult {
  const errors: string[] = [];
  const value = (name: SettingName): string | undefined => {
    const fromFlag = flags[name as keyof Flags];
    if (typeof fromFlag === 'string') return fromFlag;
    const fromEnv = env[SETTINGS[name].env];
    if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
    const s = SETTINGS[name];
    return 'default' in s ? s.default : undefined;
  };
  const label = (name: SettingName): string =>
    `${SETTINGS[name].flag.split(' ')[0]} / ${SETTINGS[name].env}`;
  const duration = (name: SettingName, min: number, max: number): number => {
    const text = value(name) as string;
    const ms = parseDuration(text);
    if (ms === undefined)
      errors.push(
        `${label(name)}: ${JSON.stringify(text)} is not a duration (e.g. 500ms, 5s, 10m, 1h)`,
      );
    else if (ms < min || ms > max)
      errors.push(
        `${label(name)}: ${text} is out of range (${formatDuration(min)} to ${formatDuration(max)})`,
      );
    return ms ?? 0;
  };
  const integer = (name: SettingName, min: number, max: number): number => {
    const text = value(name) as string;
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < min || n > max)
      errors.push(
        `${label(name)}: ${JSON.stringify(text)} must be a whole number from ${min} to ${max}`,
      );
    return n;
  };

  const dryRun = flags.dryRun === true;
  const once = flags.once === true || dryRun;

  let apiUrl: URL | undefined;
  const apiUrlText = value('apiUrl');
  if (apiUrlText !== undefined) {
    try {
      apiUrl = new URL(apiUrlText);
      if (apiUrl.protocol !== 'https:' && apiUrl.protocol !== 'http:')
        errors.push(
          `${label('apiUrl')}: ${JSON.stringify(apiUrlText)} must be an http or https URL`,
        );
      if (apiUrl.username || apiUrl.password)
        errors.push(`${label('apiUrl')}: put credentials in the token, not in the URL`);
    } catch {
      errors.push(`${label('apiUrl')}: ${JSON.stringify(apiUrlText)} is not a URL`);
    }
  } else if (!dryRun) {
    errors.push(`${label('apiUrl')} is required (the Fenceline API base URL), unless --dry-run`);
  }

  const tokenValue = value('token');
  const tokenFile = value('tokenFile');
  let token: TokenSource | undefined;
  if (tokenValue !== undefined && tokenFile !== undefined)
    errors.push(`give the token once: ${label('token')} or ${label('tokenFile')}, not both`);
  else if (tokenValue !== undefined) token = { kind: 'value', value: tokenValue };
  else if (tokenFile !== undefined) token = { kind: 'file', path: tokenFile };
  else if (!dryRun)
    errors.push(
      `an agent token is required: ${label('tokenFile')} (a mounted Secret) or ${label('token')}, unless --dry-run`,
    );

  const clusterName = value('clusterName');
  if (clusterName !== undefined && (clusterName.length > 253 || clusterName.trim() === ''))
    errors.push(`${label('clusterName')}: must be 1 to 253 characters`);

  const logLevel = value('logLevel') as string;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    errors.push(
      `${label('logLevel')}: ${JSON.stringify(logLevel)} must be debug, info, warn or error`,
    );

  const source: AgentSource =
    flags.fromDir && flags.fromDir.length > 0
      ? { kind: 'dir', paths: flags.fromDir }
      : {
          kind: 'cluster',
          ...(value('kubeconfig') ? { kubeconfig: value('kubeconfig') } : {}),
          ...(value('context') ? { context: value('context') } : {}),
        };
  if (source.kind === 'dir' && (flags.kubeconfig !== undefined || flags.context !== undefined))
    errors.push('--from-dir reads manifests: --kubeconfig and --context do not apply');

  const config: AgentConfig = {
    ...(apiUrl ? { apiUrl } : {}),
    ...(token ? { token } : {}),
    ...(clusterName !== undefined ? { clusterName } : {}),
    source,
    once,
    dryRun,
    debounceMs: duration('debounce', 0, 3_600_000),
    resyncMs: duration('resyncInterval', 10_000, 86_400_000),
    ...(value('spoolDir') !== undefined ? { spoolDir: value('spoolDir') } : {}),
    healthPort: integer('healthPort', 0, 65535),
    healthHost: value('healthHost') as string,
    logLevel: logLevel as LogLevel,
    requestTimeoutMs: duration('requestTimeout', 1_000, 600_000),
    maxBackoffMs: duration('maxBackoff', 1_000, 3_600_000),
    onceTimeoutMs: duration('onceTimeout', 0, 86_400_000),
    pageSize: integer('pageSize', 1, 10_000),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}
