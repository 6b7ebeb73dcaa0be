import { createSnapshot } from '@fenceline/contracts';
import type { Command } from 'commander';
import type { CommandContext } from '../cli-io';
import { EXIT_INVALID_INPUT, EXIT_OK } from '../exit-codes';
import { loadInput } from '../input/load-input';
import { writeDiagnostics } from '../output/diagnostics';

interface SnapshotFlags {
  readonly clusterName?: string;
}

/** `fenceline snapshot <path...>`: the inventory snapshot an agent would push, from manifests. */
export function registerSnapshotCommand(program: Command, context: CommandContext): void {
  program
    .command('snapshot')
    .description(
      'print the InventorySnapshot (JSON) of manifests; every command accepts it back as input',
    )
    .argument('<path...>', 'manifest or snapshot files and folders')
    .option('--cluster-name <name>', 'the cluster name to record in the snapshot')
    .addHelpText(
      'after',
      '\nExit codes: 0 success; 2 invalid input (the snapshot of the valid objects is still printed).',
    )
    .action((paths: string[], flags: SnapshotFlags) => {
      // Direct naming keeps every template pod; the owner chain travels in `controllers`, so a
      // reader still names the pods by their top controller.
      const input = loadInput(paths, context.io.cwd, undefined, { workloadName: 'direct' });
      writeDiagnostics(context.io.stderr, input);
      const snapshot = createSnapshot(input.inventory, {
        collectedAt: new Date(),
        source: { type: 'manifests' },
        ...(flags.clusterName ? { cluster: { name: flags.clusterName } } : {}),
      });
      context.io.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
      context.setExitCode(input.issues.length > 0 ? EXIT_INVALID_INPUT : EXIT_OK);
    });
}
