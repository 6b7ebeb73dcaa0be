import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/agent-config';

export type { Logger } from 'pino';

/**
 * JSON lines on stderr (stdout is kept for `--dry-run`'s snapshot), one object per event with a
 * readable `msg`; log collectors in the cluster pick it up as is.
 */
export function createLogger(
  level: LogLevel,
  destination: NodeJS.WritableStream = process.stderr,
): Logger {
  return pino(
    { level, base: { component: 'fenceline-agent' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}

/** A logger that drops everything, for tests that do not read logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
