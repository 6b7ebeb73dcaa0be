import { WORKLOAD_IDS, type WorkloadId } from '../generator/cluster-spec';

/** What one `npm run bench -- ...` asks for. */
export interface BenchArgs {
  readonly json: boolean;
  readonly only: readonly WorkloadId[];
  /** Hidden: multiplies every count, for smoke runs while the model is slow. */
  readonly scale: number;
  /** Internal: this process is the child that measures one workload. */
  readonly worker: WorkloadId | undefined;
}

/** A bad command line: exit code 2 with the message. */
export class UsageError extends Error {
  readonly code = 'USAGE';
}

export const USAGE = `usage: npm run bench -- [--json] [--only W1,W3,...]
  --json         print one JSON object on stdout (progress goes to stderr)
  --only <ids>   comma-separated workloads: ${WORKLOAD_IDS.join(', ')}; W5 means W5r and W5a`;

/**
 * Parses the benchmark's flags (`--flag value` or `--flag=value`).
 *
 * @example parseBenchArgs(['--only', 'W1,W5']).only // ['W1', 'W5r', 'W5a']
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let json = false;
  let only: WorkloadId[] = [...WORKLOAD_IDS];
  let scale = 1;
  let worker: WorkloadId | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--json':
        json = true;
        break;
      case '--only':
        only = selectWorkloads(value());
        break;
      case '--scale':
        scale = parseScale(value());
        break;
      case '--worker': {
        const [id, ...rest] = selectWorkloads(value());
        if (id === undefined || rest.length > 0)
          throw new UsageError('--worker takes one workload');
        worker = id;
        break;
      }
      default:
        throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return { json, only, scale, worker };
}

/** `W1,W3` → the workloads in run order; `W5` stands for both W5r and W5a. */
export function selectWorkloads(list: string): WorkloadId[] {
  const wanted = new Set<WorkloadId>();
  for (const raw of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (raw.toUpperCase() === 'W5') {
      wanted.add('W5r');
      wanted.add('W5a');
      continue;
    }
    const id = WORKLOAD_IDS.find((w) => w.toLowerCase() === raw.toLowerCase());
    if (!id)
      throw new UsageError(
        `unknown workload ${JSON.stringify(raw)} (known: ${WORKLOAD_IDS.join(', ')}, W5)`,
      );
    wanted.add(id);
  }
  if (wanted.size === 0) throw new UsageError('--only needs at least one workload');
  return WORKLOAD_IDS.filter((id) => wanted.has(id));
}

function parseScale(text: string): number {
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1)
    throw new UsageError(`--scale must be a number in (0, 1], got ${JSON.stringify(text)}`);
  return scale;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
