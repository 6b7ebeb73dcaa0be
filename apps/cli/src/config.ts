import { z } from 'zod';
import { configIssues, databaseUrlSchema, pickEnv } from '@fenceline/contracts';

/** The CLI's configuration from the environment; only the `admin` commands need any. */
export interface CliConfig {
  readonly databaseUrl: string;
}

const schema = z.object({ DATABASE_URL: databaseUrlSchema });

/** Validates the environment once; a bad value is an error naming the variable. */
export function cliConfig(
  env: Readonly<Record<string, string | undefined>>,
): CliConfig | { error: string } {
  const parsed = schema.safeParse(pickEnv(env, ['DATABASE_URL']));
  if (!parsed.success) return { error: configIssues(parsed.error) };
  return Object.freeze({ databaseUrl: parsed.data.DATABASE_URL });
}
