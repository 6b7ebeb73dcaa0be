import { parseBenchArgs, USAGE, UsageError } from './runner/bench-args';
import { runBenchmarks } from './runner/coordinator';
import { runWorker } from './runner/worker';

/**
 * `npm run bench -- [--json] [--only W1,W3]`: the coordinator spawns one child per workload
 * (this same script with `--worker <id>`), which measures and prints its result as JSON.
 */
function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseBenchArgs(argv);
  if (args.worker) {
    const id = args.worker;
    try {
      const result = runWorker(id, args.scale, (line) => process.stderr.write(line));
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    } catch (error: unknown) {
      // The coordinator shows the reason in its report and goes on with the next workload.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `[${id}] failed: ${error instanceof Error ? (error.stack ?? message) : message}\n`,
      );
      process.stdout.write(`${JSON.stringify({ id, error: message })}\n`);
      return 1;
    }
  }
  return runBenchmarks({
    script: __filename,
    only: args.only,
    scale: args.scale,
    json: args.json,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error: unknown) {
  if (error instanceof UsageError) {
    process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
