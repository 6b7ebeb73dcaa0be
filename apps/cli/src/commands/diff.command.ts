import { buildModelPair, diffModels } from '@fenceline/netpol';
import type { Command } from 'commander';
import type { CommandContext } from '../cli-io';
import { EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK } from '../exit-codes';
import { loadInput } from '../input/load-input';
import { writeDiagnostics } from '../output/diagnostics';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../output/diff-output';
import {
  addAnalysisOptions,
  evaluationOptions,
  inventoryOptions,
  outputOption,
  type AnalysisFlags,
} from './analysis-options';

interface DiffFlags extends AnalysisFlags {
  readonly output: DiffFormat;
}

/** `fenceline diff <before> <after>`: what the change allows or denies that was not so before. */
export function registerDiffCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('diff')
    .description(
      'semantic connectivity diff: connections added, removed or changed from <before> to <after>',
    )
    .argument('<before>', 'manifest or snapshot file or folder before the change')
    .argument('<after>', 'manifest or snapshot file or folder after the change')
    .addOption(outputOption(DIFF_FORMATS))
    .addHelpText(
      'after',
      '\nExit codes: 0 no difference; 1 differences found; 2 invalid input in either side.',
    );
  addAnalysisOptions(command).action((beforePath: string, afterPath: string, flags: DiffFlags) => {
    const load = (path: string) =>
      loadInput([path], context.io.cwd, evaluationOptions(flags), inventoryOptions(flags));
    const before = load(beforePath);
    const after = load(afterPath);
    writeDiagnostics(context.io.stderr, before, 'before');
    writeDiagnostics(context.io.stderr, after, 'after');
    const rows = diffModels(
      ...buildModelPair(before.inventory, after.inventory, evaluationOptions(flags)),
    );
    context.io.stdout.write(formatDiff(rows, flags.output));
    const invalid = before.issues.length > 0 || after.issues.length > 0;
    context.setExitCode(invalid ? EXIT_INVALID_INPUT : rows.length > 0 ? EXIT_FINDINGS : EXIT_OK);
  });
}
