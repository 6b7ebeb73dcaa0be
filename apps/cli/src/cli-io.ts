/** Where a command writes; `process.stdout` fits, and so does an in-memory buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Directory that relative paths on the command line are resolved against. */
  readonly cwd: string;
  /** The environment (only `admin` commands read it, through config.ts). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** What each command needs from the program: the streams and a way to report its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  setExitCode(code: number): void;
}
