import { bootstrapOrganization, DataAccessError, Database } from '@fenceline/data-access';
import type { Command } from 'commander';
import type { CommandContext } from '../cli-io';
import { cliConfig } from '../config';
import { EXIT_ENVIRONMENT, EXIT_INVALID_INPUT, EXIT_OK } from '../exit-codes';

/**
 * `fenceline admin bootstrap --org <name>`: creates an organization (dev, staging, prod) and its
 * first admin API key directly in the database (DATABASE_URL), for the very first login.
 */
export function registerAdminCommand(program: Command, context: CommandContext): void {
  const admin = program
    .command('admin')
    .description('operate the central service’s database directly (needs DATABASE_URL)');
  admin
    .command('bootstrap')
    .description(
      'create an organization with environments dev, staging, prod and print { "organizationId", "apiKey" } (an admin key, shown once)',
    )
    .requiredOption('--org <name>', 'organization name')
    .addHelpText(
      'after',
      '\nEnvironment: DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/fenceline), migrated with `npm run prisma:migrate`.' +
        '\nExit codes: 0 created; 2 invalid name or the organization exists; 3 the database is unreachable or not migrated.',
    )
    .action(async (flags: { org: string }) => {
      const name = flags.org.trim();
      if (name.length === 0 || name.length > 200) {
        context.io.stderr.write(
          'error: --org: the organization name must be 1 to 200 characters\n',
        );
        context.setExitCode(EXIT_INVALID_INPUT);
        return;
      }
      const config = cliConfig(context.io.env);
      if ('error' in config) {
        context.io.stderr.write(`error: ${config.error}\n`);
        context.setExitCode(EXIT_INVALID_INPUT);
        return;
      }
      const db = new Database(config.databaseUrl);
      try {
        const result = await bootstrapOrganization(db, name);
        context.io.stdout.write(`${JSON.stringify(result)}\n`);
        context.setExitCode(EXIT_OK);
      } catch (error) {
        if (error instanceof DataAccessError) {
          context.io.stderr.write(`error: ${error.message}\n`);
          context.setExitCode(EXIT_INVALID_INPUT);
        } else {
          const where = new URL(config.databaseUrl);
          context.io.stderr.write(
            `error: cannot bootstrap in the database at ${where.host}${where.pathname}: ${error instanceof Error ? error.message.trim().split('\n')[0] : String(error)}` +
              ' (is PostgreSQL running and migrated? npm run prisma:migrate)\n',
          );
          context.setExitCode(EXIT_ENVIRONMENT);
        }
      } finally {
        await db.close();
      }
    });
}
