import { buildModel, workloadNames } from '@fenceline/netpol';
import type { Command } from 'commander';
import type { CommandContext } from '../cli-io';
import { EXIT_INVALID_INPUT, EXIT_OK } from '../exit-codes';
import { loadInput } from '../input/load-input';
import { CONNLIST_FORMATS, formatConnlist, type ConnlistFormat } from '../output/connlist-output';
import { writeDiagnostics } from '../output/diagnostics';
import {
  addAnalysisOptions,
  evaluationOptions,
  inventoryOptions,
  outputOption,
  type AnalysisFlags,
} from './analysis-options';

interface ConnlistFlags extends AnalysisFlags {
  readonly output: ConnlistFormat;
}

/** `fenceline connlist <path...>`: every allowed connection between workloads, external ranges and the ingress controller. */
export function registerConnlistCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('connlist')
    .description('list every allowed connection (src => dst : conn) in manifests or snapshots')
    .argument('<path...>', 'manifest or snapshot files and folders (.yaml, .yml, .json)')
    .addOption(outputOption(CONNLIST_FORMATS))
    .addHelpText(
      'after',
      '\nExit codes: 0 success; 2 invalid input (results for the valid objects are still printed).',
    );
  addAnalysisOptions(command).action((paths: string[], flags: ConnlistFlags) => {
    const input = loadInput(
      paths,
      context.io.cwd,
      evaluationOptions(flags),
      inventoryOptions(flags),
    );
    writeDiagnostics(context.io.stderr, input);
    const rows = buildModel(input.inventory, evaluationOptions(flags)).connlist();
    context.io.stdout.write(
      formatConnlist(rows, flags.output, [...workloadNames(input.inventory)]),
    );
    context.setExitCode(input.issues.length > 0 ? EXIT_INVALID_INPUT : EXIT_OK);
  });
}
