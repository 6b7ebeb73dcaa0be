import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  computeDrift,
  formatBaselineIssue,
  InvalidReferenceError,
  loadBaselineDir,
  type ReferenceRow,
} from '@fenceline/drift';
import { buildModel, type EvaluationOptions, type InventoryOptions } from '@fenceline/netpol';
import type { Command } from 'commander';
import type { CommandContext, TextSink } from '../cli-io';
import { EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK } from '../exit-codes';
import { loadInput } from '../input/load-input';
import { writeDiagnostics } from '../output/diagnostics';
import { DRIFT_FORMATS, formatDrift, type DriftFormat } from '../output/drift-output';
import {
  addAnalysisOptions,
  evaluationOptions,
  inventoryOptions,
  outputOption,
  type AnalysisFlags,
} from './analysis-options';

interface DriftFlags extends AnalysisFlags {
  readonly output: DriftFormat;
  readonly reference?: string;
}

/**
 * `fenceline drift <baseline-dir> <inventory...>`: where the cluster departs from its baseline —
 * policies missing, modified or unknown, paths widened or narrowed, connectivity widened against
 * a reference, guardrails violated.
 */
export function registerDriftCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('drift')
    .description(
      'compare a cluster (manifests or snapshots) with a baseline folder: policy drift, widened and narrowed paths, guardrails',
    )
    .argument(
      '<baseline-dir>',
      'baseline folder: NetworkPolicies, cluster policies (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy) and one fenceline.dev/v1alpha1 Baseline',
    )
    .argument('<inventory...>', 'manifest or snapshot files and folders of the cluster')
    .option(
      '--reference <inventory>',
      'the accepted state (manifests or a snapshot, or the JSON of `fenceline connlist -o json`): connections allowed now and not there are reported',
    )
    .addOption(outputOption(DRIFT_FORMATS))
    .addHelpText(
      'after',
      '\nExit codes: 0 no drift; 1 drift found; 2 invalid input (an invalid baseline stops; with an invalid\n' +
        'inventory object the drift of the valid objects is still printed).',
    );
  addAnalysisOptions(command).action((dir: string, paths: string[], flags: DriftFlags) => {
    const { io } = context;
    const baseline = loadBaselineDir(dir, { cwd: io.cwd });
    if (!baseline.content || baseline.issues.length > 0) {
      io.stderr.write(
        baseline.issues.map((i) => `error: baseline: ${formatBaselineIssue(i)}\n`).join(''),
      );
      context.setExitCode(EXIT_INVALID_INPUT);
      return;
    }
    const options = evaluationOptions(flags);
    const input = loadInput(paths, io.cwd, options, inventoryOptions(flags));
    writeDiagnostics(io.stderr, input);
    const reference =
      flags.reference === undefined
        ? undefined
        : loadReference(flags.reference, io.cwd, options, inventoryOptions(flags), io.stderr);
    if (reference && !reference.rows) {
      context.setExitCode(EXIT_INVALID_INPUT);
      return;
    }
    let findings;
    try {
      findings = computeDrift(baseline.content, input.inventory, {
        evaluation: options,
        ...(reference?.rows ? { reference: reference.rows } : {}),
      });
    } catch (error) {
      if (!(error instanceof InvalidReferenceError)) throw error;
      io.stderr.write(`error: reference: ${error.message}\n`);
      context.setExitCode(EXIT_INVALID_INPUT);
      return;
    }
    io.stdout.write(formatDrift(findings, flags.output));
    const invalid = input.issues.length > 0 || (reference?.invalid ?? false);
    context.setExitCode(
      invalid ? EXIT_INVALID_INPUT : findings.length > 0 ? EXIT_FINDINGS : EXIT_OK,
    );
  });
}

/**
 * The reference rows: a JSON file holding connlist rows is taken as is; anything else is read
 * as an inventory and its connectivity list computed with the same options.
 */
function loadReference(
  path: string,
  cwd: string,
  options: EvaluationOptions,
  naming: InventoryOptions,
  stderr: TextSink,
): { rows?: ReferenceRow[]; invalid: boolean } {
  const rows = readConnlistJson(resolve(cwd, path));
  if (rows) return { rows, invalid: false };
  const input = loadInput([path], cwd, options, naming);
  writeDiagnostics(stderr, input, 'reference');
  if (input.issues.some((i) => i.object.kind === 'File')) return { invalid: true };
  const connlist = buildModel(input.inventory, options).connlist();
  return {
    rows: connlist.map((r) => ({ src: r.src, dst: r.dst, conn: r.conn.toString() })),
    invalid: input.issues.length > 0,
  };
}

function readConnlistJson(file: string): ReferenceRow[] | undefined {
  try {
    if (!file.endsWith('.json') || !statSync(file).isFile()) return undefined;
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const isRow = (r: unknown): r is ReferenceRow =>
      typeof r === 'object' &&
      r !== null &&
      ['src', 'dst', 'conn'].every((k) => typeof (r as Record<string, unknown>)[k] === 'string');
    return Array.isArray(value) && value.length > 0 && value.every(isRow) ? value : undefined;
  } catch {
    // Not a readable connlist: the inventory loader reports what is wrong with it.
    return undefined;
  }
}
