import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { WorkloadId } from '../generator/cluster-spec';
import { formatReport } from './report';
import { isFailure, type WorkloadOutcome } from './workload-result';

export interface CoordinatorOptions {
  /** The script to run as child (`__filename` of the entry point). */
  readonly script: string;
  readonly only: readonly WorkloadId[];
  readonly scale: number;
  readonly json: boolean;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Workers may print this much JSON and progress; far more than one result needs. */
const MAX_CHILD_OUTPUT = 64 * 1024 * 1024;

/**
 * Runs each selected workload in its own child process (pinned to CPU 0 with `taskset` when it
 * exists, garbage collection exposed), collects their results and prints the report: a table,
 * or with `json` exactly one JSON object. Returns the exit code: 1 when a workload failed.
 *
 * @example runBenchmarks({ script: __filename, only: ['W1'], scale: 0.1, json: true, stdout, stderr })
 */
export function runBenchmarks(options: CoordinatorOptions): number {
  const pinned = hasTaskset();
  const outcomes: WorkloadOutcome[] = [];
  for (const id of options.only) {
    options.stderr(`[${id}] starting${pinned ? ' (pinned to CPU 0)' : ''}\n`);
    outcomes.push(runChild(options, id, pinned));
  }
  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    pinnedToOneCore: pinned,
    date: new Date().toISOString(),
  };
  if (options.json) {
    options.stdout(
      `${JSON.stringify({ machine, scale: options.scale, workloads: outcomes }, null, 2)}\n`,
    );
  } else {
    options.stdout(formatReport(outcomes, options.scale, machine));
  }
  return outcomes.some(isFailure) ? 1 : 0;
}

function runChild(options: CoordinatorOptions, id: WorkloadId, pinned: boolean): WorkloadOutcome {
  const nodeArgs = [
    '--expose-gc',
    options.script,
    '--worker',
    id,
    '--scale',
    String(options.scale),
  ];
  const [command, args] = pinned
    ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const child = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: MAX_CHILD_OUTPUT,
  });
  if (child.error) return { id, error: `could not run the worker: ${child.error.message}` };
  const reported = lastJsonLine(child.stdout);
  if (child.status === 0 && reported && !isFailure(reported)) return reported;
  if (reported && isFailure(reported)) return reported;
  const how = child.signal ? `was killed by ${child.signal}` : `exited with ${child.status}`;
  return { id, error: `the worker ${how} without a result (see its stderr)` };
}

/** The child's report: the last line of its stdout, a result or a failure. */
function lastJsonLine(stdout: string): WorkloadOutcome | undefined {
  const last = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as WorkloadOutcome;
  } catch {
    return undefined;
  }
}

function hasTaskset(): boolean {
  if (process.platform !== 'linux') return false;
  const probe = spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}
