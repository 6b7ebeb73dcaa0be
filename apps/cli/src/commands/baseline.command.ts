import { formatBaselineIssue, loadBaselineDir, type BaselineContent } from '@fenceline/drift';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import type { CommandContext } from '../cli-io';
import { EXIT_ENVIRONMENT, EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK } from '../exit-codes';
import { ApiClient, ApiError, ApiUnavailableError } from '../api/api-client';

interface PushFlags {
  readonly name?: string;
  readonly message: string;
  readonly apiUrl?: string;
  readonly apiKey?: string;
  readonly output: 'txt' | 'json';
}

/** `baseline push` reuses the CLI's codes: 1 when the API fails, 3 when it refuses the key. */
const EXIT_API_FAILED = EXIT_FINDINGS;
const EXIT_AUTH_REFUSED = EXIT_ENVIRONMENT;

const baselineList = z.array(
  z.object({ id: z.string(), name: z.string(), latestVersion: z.number().int().nullable() }),
);
const createdBaseline = z.object({ id: z.string(), name: z.string() });
const baselineVersion = z.object({
  id: z.string(),
  number: z.number().int(),
  contentHash: z.string(),
  author: z.string(),
  message: z.string(),
  createdAt: z.string(),
  unchanged: z.boolean().optional(),
});

const required = (message: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : message;
const target = z.object({
  apiUrl: z.url({ protocol: /^https?$/, error: required('must be an http(s) URL') }),
  apiKey: z.string({ error: required('must be a string') }).min(1, 'is required'),
});

/**
 * `fenceline baseline push <dir> --message <text>`: validates a baseline folder locally and
 * records it as a new version of the baseline in the central API (creating the baseline on
 * first push). The API answers "unchanged" when the content equals the latest version.
 */
export function registerBaselineCommand(program: Command, context: CommandContext): void {
  const baseline = program
    .command('baseline')
    .description('manage baselines in the central service');
  baseline
    .command('push')
    .description(
      'validate a baseline folder and push it as a new version (prints "baseline <name>: version <n> created (<hash>)")',
    )
    .argument(
      '<dir>',
      'baseline folder: NetworkPolicies, cluster policies (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy) and one fenceline.dev/v1alpha1 Baseline',
    )
    .option('--name <baseline>', 'baseline name (default: metadata.name of the Baseline document)')
    .requiredOption('--message <text>', 'what this version changes, recorded with it')
    .option('--api-url <url>', 'URL of the central API (default: $FENCELINE_API_URL)')
    .option('--api-key <key>', 'API key, role editor or above (default: $FENCELINE_API_KEY)')
    .addOption(
      new Option('-o, --output <format>', 'output format (json: the version object)')
        .choices(['txt', 'json'])
        .default('txt'),
    )
    .addHelpText(
      'after',
      '\nEnvironment: FENCELINE_API_URL, FENCELINE_API_KEY (the flags win).' +
        '\nExit codes: 0 pushed (or unchanged); 1 the API failed or refused the content; 2 invalid folder,' +
        '\nflag or configuration; 3 authentication or authorization refused (401, 403).',
    )
    .action(async (dir: string, flags: PushFlags) => {
      context.setExitCode(await push(dir, flags, context));
    });
}

async function push(dir: string, flags: PushFlags, { io }: CommandContext): Promise<number> {
  const loaded = loadBaselineDir(dir, { cwd: io.cwd });
  if (!loaded.content || loaded.issues.length > 0) {
    io.stderr.write(loaded.issues.map((i) => `error: ${formatBaselineIssue(i)}\n`).join(''));
    return EXIT_INVALID_INPUT;
  }
  const content: BaselineContent = loaded.content;
  const name = (flags.name ?? loaded.name ?? '').trim();
  const config = target.safeParse({
    apiUrl: flags.apiUrl ?? io.env['FENCELINE_API_URL'],
    apiKey: flags.apiKey ?? io.env['FENCELINE_API_KEY'],
  });
  if (!config.success || name.length === 0 || flags.message.trim().length === 0) {
    const problems = config.success
      ? []
      : config.error.issues.map(
          (i) =>
            `${i.path[0] === 'apiUrl' ? '--api-url / FENCELINE_API_URL' : '--api-key / FENCELINE_API_KEY'}: ${i.message}`,
        );
    if (name.length === 0) problems.push('--name: the baseline name must not be empty');
    if (flags.message.trim().length === 0) problems.push('--message: must not be empty');
    io.stderr.write(problems.map((p) => `error: ${p}\n`).join(''));
    return EXIT_INVALID_INPUT;
  }
  const api = new ApiClient(config.data.apiUrl, config.data.apiKey);
  try {
    const id = await baselineId(api, name);
    const version = await api.send(
      `POST /v1/baselines/${encodeURIComponent(id)}/versions`,
      (client) =>
        client.POST('/v1/baselines/{id}/versions', {
          params: { path: { id } },
          body: { content, message: flags.message },
        }),
      baselineVersion,
    );
    io.stdout.write(
      flags.output === 'json'
        ? `${JSON.stringify(version.raw, null, 2)}\n`
        : `baseline ${name}: version ${version.value.number} ${version.value.unchanged === true ? 'unchanged' : `created (${version.value.contentHash.slice(0, 12)})`}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ApiError) {
      const issues = error.issues.map((issue) => `error:   ${describeIssue(issue)}\n`).join('');
      io.stderr.write(`error: ${error.status} ${error.code}: ${error.message}\n${issues}`);
      return error.status === 401 || error.status === 403 ? EXIT_AUTH_REFUSED : EXIT_API_FAILED;
    }
    if (error instanceof ApiUnavailableError) {
      io.stderr.write(`error: ${error.message}\n`);
      return EXIT_API_FAILED;
    }
    throw error;
  }
}

/** The id of the baseline named `name`, created when the API does not know it yet. */
async function baselineId(api: ApiClient, name: string): Promise<string> {
  const find = async (): Promise<string | undefined> =>
    (
      await api.send(
        `GET /v1/baselines?name=${encodeURIComponent(name)}`,
        (client) => client.GET('/v1/baselines', { params: { query: { name } } }),
        baselineList,
      )
    ).value.find((b) => b.name === name)?.id;
  const existing = await find();
  if (existing) return existing;
  try {
    const created = await api.send(
      'POST /v1/baselines',
      (client) => client.POST('/v1/baselines', { body: { name } }),
      createdBaseline,
    );
    return created.value.id;
  } catch (error) {
    // Someone created it between our two requests: use theirs.
    if (error instanceof ApiError && error.status === 409) {
      const created = await find();
      if (created) return created;
    }
    throw error;
  }
}

function describeIssue(issue: unknown): string {
  if (typeof issue === 'object' && issue !== null) {
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof message === 'string')
      return Array.isArray(path) || typeof path === 'string'
        ? `${[path].flat().join('.')}: ${message}`
        : message;
  }
  return JSON.stringify(issue);
}
