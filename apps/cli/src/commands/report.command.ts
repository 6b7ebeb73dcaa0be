import {
  ComplianceInputError,
  evaluateFramework,
  FRAMEWORK_IDS,
  type ComplianceContext,
  type FrameworkId,
} from '@fenceline/compliance';
import { expandSnapshotDocuments } from '@fenceline/contracts';
import { loadPaths } from '@fenceline/netpol';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import type { CommandContext } from '../cli-io';
import { EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK } from '../exit-codes';
import { loadInput } from '../input/load-input';
import { writeDiagnostics } from '../output/diagnostics';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../output/report-output';
import {
  addAnalysisOptions,
  evaluationOptions,
  inventoryOptions,
  outputOption,
  type AnalysisFlags,
} from './analysis-options';

interface ReportFlags extends AnalysisFlags {
  readonly framework: FrameworkId;
  readonly cdeNamespaceSelector?: string;
  readonly context?: string;
  readonly output: ReportFormat;
}

/**
 * `--context <file>` (YAML or JSON): what the inventory does not say — the PCI scope, declared
 * flows, change records, the last review, waivers — as the platform supplies it.
 */
interface ContextFile {
  readonly cde?: ComplianceContext['cde'];
  readonly cdeAllowed?: ComplianceContext['cdeAllowed'];
  readonly changeControl?: ComplianceContext['changeControl'];
  readonly lastReviewAt?: string;
  readonly now?: string;
  readonly cluster?: string;
  readonly waivers?: unknown[];
}

/**
 * `fenceline report <path...> --framework <id>`: evaluates a compliance framework (zero-trust,
 * pci-dss, cis-k8s, nsa-cisa) over manifests or snapshots. A snapshot's `source.cni` feeds the
 * CNI control; `--cde-namespace-selector` declares the PCI cardholder-data environment.
 */
export function registerReportCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('report')
    .description(
      'evaluate a compliance framework (controls, status, evidence) over manifests or snapshots',
    )
    .argument('<path...>', 'manifest or snapshot files and folders (.yaml, .yml, .json)')
    .addOption(
      new Option('--framework <id>', 'the framework to evaluate')
        .choices([...FRAMEWORK_IDS])
        .makeOptionMandatory(),
    )
    .option(
      '--cde-namespace-selector <labels>',
      'PCI cardholder-data environment: namespaces with these labels (k=v,k2=v2)',
    )
    .option(
      '--context <file>',
      'YAML/JSON with cde, cdeAllowed { inbound, outbound }, changeControl, lastReviewAt, now, cluster and waivers',
    )
    .addOption(outputOption(REPORT_FORMATS))
    .addHelpText(
      'after',
      '\nExit codes: 0 no control fails; 1 a control fails; 2 invalid input (an invalid selector stops;\n' +
        'with an invalid inventory object the report of the valid objects is still printed).',
    );
  addAnalysisOptions(command).action((paths: string[], flags: ReportFlags) => {
    const { io } = context;
    const cde =
      flags.cdeNamespaceSelector === undefined
        ? undefined
        : parseLabelList(flags.cdeNamespaceSelector);
    if (cde === null) {
      io.stderr.write(
        `error: --cde-namespace-selector: expected k=v[,k=v...], got ${JSON.stringify(flags.cdeNamespaceSelector)}\n`,
      );
      context.setExitCode(EXIT_INVALID_INPUT);
      return;
    }
    let file: ContextFile = {};
    if (flags.context !== undefined) {
      try {
        const parsed: unknown = parseYaml(readFileSync(resolve(io.cwd, flags.context), 'utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('expected a mapping');
        file = parsed as ContextFile;
      } catch (error) {
        io.stderr.write(`error: --context ${flags.context}: ${(error as Error).message}\n`);
        context.setExitCode(EXIT_INVALID_INPUT);
        return;
      }
    }
    const options = evaluationOptions(flags);
    const input = loadInput(paths, io.cwd, options, inventoryOptions(flags));
    writeDiagnostics(io.stderr, input);
    const cni = snapshotCni(paths, io.cwd);
    const { waivers, cluster, ...fromFile } = file;
    const complianceContext: ComplianceContext = {
      ...(fromFile as Omit<ComplianceContext, 'inventory'>),
      inventory: input.inventory,
      options,
      ...(cni ? { cni } : {}),
      ...(cde ? { cde: { namespaceSelector: { matchLabels: cde } } } : {}),
    };
    let report;
    try {
      const now = file.now ?? new Date().toISOString();
      report = evaluateFramework(
        flags.framework,
        complianceContext,
        waivers ? { waivers: waivers as never, ...(cluster ? { cluster } : {}), now } : undefined,
      );
    } catch (error) {
      if (!(error instanceof ComplianceInputError)) throw error;
      io.stderr.write(error.issues.map((i) => `error: ${i.path}: ${i.message}\n`).join(''));
      context.setExitCode(EXIT_INVALID_INPUT);
      return;
    }
    io.stdout.write(formatReport(report, flags.output));
    const failed = report.controls.some((c) => c.status === 'fail');
    context.setExitCode(
      input.issues.length > 0 ? EXIT_INVALID_INPUT : failed ? EXIT_FINDINGS : EXIT_OK,
    );
  });
}

/** `k=v,k2=v2` as labels; `null` when malformed. */
export function parseLabelList(text: string): Record<string, string> | null {
  const labels: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    labels[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return labels;
}

/**
 * The CNI recorded by the snapshots among the inputs. With several snapshots the least
 * reassuring answer wins: `false` over `null` (cannot tell) over `true`.
 */
function snapshotCni(paths: readonly string[], cwd: string): ComplianceContext['cni'] {
  const cnis = expandSnapshotDocuments(loadPaths(paths, { cwd }).objects)
    .snapshots.map((s) => s.snapshot.source.cni)
    .filter((c): c is NonNullable<typeof c> => c !== undefined);
  return (
    cnis.find((c) => c.enforcesNetworkPolicy === false) ??
    cnis.find((c) => c.enforcesNetworkPolicy === null) ??
    cnis[0]
  );
}
