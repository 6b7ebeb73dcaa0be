import { explain, PeerNotFoundError, type Explanation } from '@fenceline/netpol';
import type { Command } from 'commander';
import type { CommandContext } from '../cli-io';
import { EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK } from '../exit-codes';
import { loadInput } from '../input/load-input';
import { parsePortQuery, type PortQuery } from '../input/port-query';
import { writeDiagnostics } from '../output/diagnostics';
import { explanationToJson } from '../output/explain-json';
import { formatExplanationText } from '../output/explain-text';
import {
  addAnalysisOptions,
  evaluationOptions,
  inventoryOptions,
  outputOption,
  type AnalysisFlags,
} from './analysis-options';

interface ExplainFlags extends AnalysisFlags {
  readonly src: string;
  readonly dst: string;
  readonly port?: PortQuery;
  readonly output: 'txt' | 'json';
}

const PEER_HELP = `
Peers: ns/name[Kind] (a workload), ns/name (a pod or workload), an IP address,
a-b[External] (an external range, as connlist prints it) or {ingress-controller}.

Exit codes: 0 allowed; 1 denied (the --port, or without --port every connection);
2 invalid input (an unknown peer, a bad --port, an invalid manifest or snapshot).`;

/** `fenceline explain`: why a connection is allowed or denied, rule by rule. */
export function registerExplainCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('explain')
    .description('explain which policies and rules decide the connections from --src to --dst')
    .argument('<path...>', 'manifest or snapshot files and folders')
    .requiredOption('--src <peer>', 'the peer opening the connection')
    .requiredOption('--dst <peer>', 'the peer receiving it')
    .option('--port <port>', 'one port to decide: N or N/PROTOCOL (TCP by default)', parsePortQuery)
    .addOption(outputOption(['txt', 'json']))
    .addHelpText('after', PEER_HELP);
  addAnalysisOptions(command).action((paths: string[], flags: ExplainFlags) => {
    const input = loadInput(
      paths,
      context.io.cwd,
      evaluationOptions(flags),
      inventoryOptions(flags),
    );
    writeDiagnostics(context.io.stderr, input);
    let explanation: Explanation;
    try {
      explanation = explain(
        input.inventory,
        flags.src,
        flags.dst,
        flags.port,
        evaluationOptions(flags),
      );
    } catch (error) {
      if (!(error instanceof PeerNotFoundError)) throw error;
      context.io.stderr.write(`error: ${error.message}\n`);
      context.setExitCode(EXIT_INVALID_INPUT);
      return;
    }
    const text =
      flags.output === 'json'
        ? `${JSON.stringify(explanationToJson(explanation), null, 2)}\n`
        : formatExplanationText(explanation);
    context.io.stdout.write(text);
    const denied = flags.port ? explanation.verdict !== true : explanation.allowed.isEmpty;
    context.setExitCode(
      input.issues.length > 0 ? EXIT_INVALID_INPUT : denied ? EXIT_FINDINGS : EXIT_OK,
    );
  });
}
