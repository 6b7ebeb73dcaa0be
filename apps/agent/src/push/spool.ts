import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseSnapshot } from '@fenceline/contracts';
import type { Logger } from '../log/logger';
import { prepareSnapshot, type PreparedSnapshot } from '../snapshot/prepared-snapshot';

const FILE = 'pending-snapshot.json.gz';

/**
 * The newest snapshot not yet pushed, kept on disk (an emptyDir in the chart) so an agent that
 * restarts while the API is down still delivers the state it saw. One file, replaced atomically
 * (write, then rename), so a crash mid-write leaves the previous snapshot intact.
 */
export class Spool {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly log: Logger,
  ) {}

  get path(): string {
    return join(this.dir, FILE);
  }

  /** Keeps `prepared` as the pending snapshot; failures are logged, never thrown (memory still has it). */
  save(prepared: PreparedSnapshot): Promise<void> {
    return this.serial(async () => {
      await mkdir(this.dir, { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, prepared.body);
      await rename(temporary, this.path);
    }, 'could not spool the pending snapshot');
  }

  /** Removes the spooled snapshot if it is the one with this content hash (pushed now). */
  clear(contentHash: string): Promise<void> {
    return this.serial(async () => {
      const spooled = await this.read();
      if (spooled?.contentHash === contentHash) await rm(this.path, { force: true });
    }, 'could not clear the spool');
  }

  /** The spooled snapshot, or undefined; an unreadable or invalid file is logged and removed. */
  async load(): Promise<PreparedSnapshot | undefined> {
    try {
      return await this.read();
    } catch (error) {
      this.log.warn(
        { path: this.path, err: String(error) },
        `the spooled snapshot ${this.path} is unreadable; discarding it`,
      );
      await rm(this.path, { force: true }).catch(() => undefined);
      return undefined;
    }
  }

  private async read(): Promise<PreparedSnapshot | undefined> {
    let body: Buffer;
    try {
      body = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = parseSnapshot(JSON.parse(gunzipSync(body).toString('utf8')));
    if (!parsed.ok)
      throw new Error(
        `not a valid snapshot: ${parsed.issues
          .slice(0, 3)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
      );
    return prepareSnapshot(parsed.snapshot);
  }

  private serial(task: () => Promise<void>, failure: string): Promise<void> {
    const next = this.queue
      .then(task)
      .catch((error: unknown) => this.log.warn({ path: this.path, err: String(error) }, failure));
    this.queue = next;
    return next;
  }
}
