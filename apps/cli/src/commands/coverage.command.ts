import { coverageReport } from '@fenceline/compliance';
import type { Command } from 'commander';
import type { CommandContext } from '../cli-io';
import { EXIT_INVALID_INPUT, EXIT_OK } from '../exit-codes';
import { loadInput } from '../input/load-input';
import { writeDiagnostics } from '../output/diagnostics';
import { formatCoverage, REPORT_FORMATS, type ReportFormat } from '../output/report-output';
import {
  addAnalysisOptions,
  evaluationOptions,
  inventoryOptions,
  outputOption,
  type AnalysisFlags,
} from './analysis-options';

interface CoverageFlags extends AnalysisFlags {
  readonly output: ReportFormat;
}

/**
 * `fenceline coverage <path...>`: pods whose ingress and egress are default deny (isolated by a
 * NetworkPolicy, or under a catch-all cluster-policy Deny) per namespace and in total, what gives
 * each namespace default deny, the workloads without it, and the cluster-policy rules with FQDN
 * or nodes peers that are not evaluated. Informational: it exits 0 whatever the coverage.
 */
export function registerCoverageCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('coverage')
    .description(
      'default-deny coverage per namespace (NetworkPolicy or cluster policy), what gives it, and the workloads without it',
    )
    .argument('<path...>', 'manifest or snapshot files and folders (.yaml, .yml, .json)')
    .addOption(outputOption(REPORT_FORMATS))
    .addHelpText(
      'after',
      '\nExit codes: 0 success, whatever the coverage (it is informational; use `report` to gate);\n' +
        '2 invalid input (coverage of the valid objects is still printed).',
    );
  addAnalysisOptions(command).action((paths: string[], flags: CoverageFlags) => {
    const options = evaluationOptions(flags);
    const input = loadInput(paths, context.io.cwd, options, inventoryOptions(flags));
    writeDiagnostics(context.io.stderr, input);
    context.io.stdout.write(formatCoverage(coverageReport(input.inventory, options), flags.output));
    context.setExitCode(input.issues.length > 0 ? EXIT_INVALID_INPUT : EXIT_OK);
  });
}
