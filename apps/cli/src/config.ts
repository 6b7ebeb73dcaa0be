import { z } from 'zod';

/** The CLI's configuration from the environment; only the `admin` commands need any. */
export interface CliConfig {
  readonly databaseUrl: string;
}

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .default('postgresql://postgres@127.0.0.1:5432/fenceline'),
});

/** Validates the environment once; a bad value is an error naming the variable. */
export function cliConfig(env: Readonly<Record<string, string | undefined>>): CliConfig | { error: string } {
  const parsed = schema.safeParse({ DATABASE_URL: env['DATABASE_URL'] || undefined });
  if (!parsed.success) {
    return { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  return Object.freeze({ databaseUrl: parsed.data.DATABASE_URL });
}
