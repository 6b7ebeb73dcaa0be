import { parseAgentConfig } from './config/agent-config';
import { createLogger } from './log/logger';
import { EXIT, runAgent } from './run-agent';

/** `fenceline-agent`: see `--help` and the README. */
async function main(): Promise<void> {
  const parsed = parseAgentConfig(process.argv.slice(2), process.env);
  if (parsed.ok === 'exit') {
    process.stdout.write(parsed.output);
    process.exit(parsed.code);
  }
  if (parsed.ok === false) {
    process.stderr.write(
      `fenceline-agent: invalid configuration:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\nSee fenceline-agent --help.\n`,
    );
    process.exit(EXIT.config);
  }
  const log = createLogger(parsed.config.logLevel);
  const agent = await runAgent(parsed.config, { log });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info(`${signal} received`);
      void agent.stop();
    });
  }
  const code = await agent.done;
  log.flush();
  process.exitCode = code;
  if (parsed.config.once) {
    log.info({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }, `done (exit ${code})`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `fenceline-agent: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(EXIT.internal);
});
