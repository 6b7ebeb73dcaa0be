import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import { z } from 'zod';
import { redactPaths, scrubSecrets } from './redact';

/** `LOG_LEVEL`: pino's levels, `silent` for none. */
export const logLevelSchema = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

export type LogLevel = z.infer<typeof logLevelSchema>;

export interface LoggerOptions {
  /** `api`, `worker`: every line says which process wrote it. */
  readonly app: string;
  readonly level: LogLevel;
  /** `json`: one object per line; `text`: one readable line per entry, for people at a terminal. */
  readonly format: 'json' | 'text';
}

/**
 * The one pino logger of a process: JSON lines with an ISO time and the level as a word, secrets
 * redacted by field name ({@link redactPaths}) and scrubbed from free text. Tests pass their own
 * `destination` to read what was written.
 *
 * @example createLogger({ app: 'api', level: 'info', format: 'json' }).info({ clusterId }, 'created')
 */
export function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger {
  const out = destination ?? (options.format === 'text' ? textDestination() : pino.destination(1));
  return pino(
    {
      level: options.level,
      base: { app: options.app, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubObject(object, 0) as Record<string, unknown>,
      },
      redact: { paths: redactPaths(), censor: '[REDACTED]' },
      serializers: { err: pino.stdSerializers.err },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a: unknown) => (typeof a === 'string' ? scrubSecrets(a) : a));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    out,
  );
}

/** Strings in a logged object (error messages and stacks included) without credentials. */
function scrubObject(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return scrubObject({ ...pino.stdSerializers.err(value) }, depth);
  if (Array.isArray(value)) return value.map((v) => scrubObject(v, depth + 1));
  // Only plain objects are copied: class instances (a Buffer, a Date) keep their serialisation.
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubObject(v, depth + 1)]));
}

const NOT_SHOWN_IN_TEXT = new Set(['level', 'time', 'msg', 'app', 'pid', 'hostname', 'context']);

/** `LOG_FORMAT=text`: `time level [context] message key=value…`, one line per entry, on stdout. */
export function textDestination(
  write: (line: string) => void = (line) => process.stdout.write(line),
): DestinationStream {
  return {
    write(json: string): void {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(json) as Record<string, unknown>;
      } catch {
        write(json);
        return;
      }
      const context = typeof entry['context'] === 'string' ? ` [${entry['context']}]` : '';
      const rest = Object.entries(entry)
        .filter(([k]) => !NOT_SHOWN_IN_TEXT.has(k))
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      const level = String(entry['level']).toUpperCase();
      write(
        `${String(entry['time'])} ${level}${context} ${String(entry['msg'] ?? '')}${rest ? ` ${rest}` : ''}\n`,
      );
    },
  };
}
