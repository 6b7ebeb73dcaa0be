import type { EvaluationOptions, InventoryOptions, WorkloadNaming } from '@fenceline/netpol';
import { Option, type Command } from 'commander';

export interface AnalysisFlags {
  readonly ipBlockMatchesPods: boolean;
  readonly hostNetwork: EvaluationOptions['hostNetwork'];
  readonly workloadName: WorkloadNaming;
  /** `--cni`: the cluster's CNI; default from the snapshot, else unknown. */
  readonly cni?: string;
}

const WORKLOAD_NAMINGS: readonly WorkloadNaming[] = ['top', 'direct'];

/** The evaluation choices the API reference leaves open, as flags shared by every analysis command. */
export function addAnalysisOptions(command: Command): Command {
  return command
    .option(
      '--ip-block-matches-pods',
      'let ipBlock peers also match pods whose IP lies in the block',
      false,
    )
    .addOption(
      new Option(
        '--host-network <mode>',
        'hostNetwork pods: evaluated like other pods, or never isolated',
      )
        .choices(['as-pods', 'unrestricted'])
        .default('as-pods'),
    )
    .addOption(
      new Option(
        '--workload-name <naming>',
        'name pods by the top controller of their owner chain (ns/web[Deployment]), or by their own controller as np-guard does (ns/web-5c6d8f[ReplicaSet])',
      )
        .choices(WORKLOAD_NAMINGS)
        .default('top'),
    )
    .option(
      '--cni <name>',
      "the cluster's CNI (calico, cilium, antrea, or another): only its own policy kinds are enforced; default: the snapshot's detected CNI, else the CNI whose objects are present",
    );
}

export function evaluationOptions(flags: AnalysisFlags): EvaluationOptions {
  return { ipBlockMatchesPods: flags.ipBlockMatchesPods, hostNetwork: flags.hostNetwork };
}

/** How the inventory names workloads (`--workload-name`) and which CNI enforces (`--cni`). */
export function inventoryOptions(
  flags: Pick<AnalysisFlags, 'workloadName' | 'cni'>,
): InventoryOptions {
  return { workloadName: flags.workloadName, ...(flags.cni ? { cni: flags.cni } : {}) };
}

/** An `--output` option limited to the formats a command can print. */
export function outputOption(formats: readonly string[]): Option {
  return new Option('-o, --output <format>', 'output format').choices(formats).default('txt');
}
