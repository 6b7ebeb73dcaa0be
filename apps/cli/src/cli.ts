import { Command, CommanderError } from 'commander';
import type { CliIo, CommandContext } from './cli-io';
import { CLI_VERSION } from './version';
import { registerAdminCommand } from './commands/admin.command';
import { registerBaselineCommand } from './commands/baseline.command';
import { registerConnlistCommand } from './commands/connlist.command';
import { registerCoverageCommand } from './commands/coverage.command';
import { registerDiffCommand } from './commands/diff.command';
import { registerDriftCommand } from './commands/drift.command';
import { registerExplainCommand } from './commands/explain.command';
import { registerReportCommand } from './commands/report.command';
import { registerSnapshotCommand } from './commands/snapshot.command';
import { EXIT_CODES_HELP, EXIT_INVALID_INPUT, EXIT_OK } from './exit-codes';

/**
 * Runs `fenceline` with the given arguments (without `node` and the script) and resolves to
 * the exit code. Never exits the process, so tests and other hosts can call it.
 *
 * @example await runCli(['connlist', './manifests', '--output', 'json'], { stdout, stderr, cwd })
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const program = new Command('fenceline')
    .description('Kubernetes NetworkPolicy analysis over manifest folders and inventory snapshots')
    .version(CLI_VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);
  registerConnlistCommand(program, context);
  registerDiffCommand(program, context);
  registerExplainCommand(program, context);
  registerSnapshotCommand(program, context);
  registerDriftCommand(program, context);
  registerBaselineCommand(program, context);
  registerReportCommand(program, context);
  registerCoverageCommand(program, context);
  registerAdminCommand(program, context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const informational = ['commander.helpDisplayed', 'commander.version'].includes(error.code);
      return informational ? EXIT_OK : EXIT_INVALID_INPUT;
    }
    throw error;
  }
}
