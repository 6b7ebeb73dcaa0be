import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { parseSnapshot, snapshotContentHash, type InventorySnapshot } from '@fenceline/contracts';

export interface RecordedPush {
  readonly token: string | undefined;
  readonly encoding: string | undefined;
  readonly snapshot: InventorySnapshot;
  readonly contentHash: string;
  readonly gzipBytes: number;
}

export interface ScriptedAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Answer only after this long (a slow API, a push in flight). */
  readonly delayMs?: number;
}

/**
 * A stand-in for the API's ingest route, for the agent's own tests (the real API is exercised
 * end to end in test/): it validates every push against the snapshot schema, records it, and
 * answers 202 — or the scripted answers, in order. `goDown()` closes the port (connection
 * refused), `comeUp()` listens on the same port again.
 */
export class RecordingIngest {
  readonly pushes: RecordedPush[] = [];
  readonly attempts: { status: number }[] = [];
  /** Requests received, answered or not. */
  requestsStarted = 0;
  private readonly script: ScriptedAnswer[] = [];
  private server: Server;
  private readonly sockets = new Set<Socket>();
  private waiters: (() => void)[] = [];

  private constructor(private port: number) {
    this.server = this.createServer();
  }

  static async start(): Promise<RecordingIngest> {
    const ingest = new RecordingIngest(0);
    await ingest.listen();
    return ingest;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Answers the next pushes with these, in order, then goes back to 202. */
  answer(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  async goDown(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async comeUp(): Promise<void> {
    this.server = this.createServer();
    await this.listen();
  }

  /** Resolves once at least `count` pushes were recorded (or rejects after `timeoutMs`). */
  async waitForPushes(count: number, timeoutMs = 15_000): Promise<RecordedPush[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.pushes.length < count) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `expected ${count} pushes, got ${this.pushes.length} within ${timeoutMs} ms`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.pushes;
  }

  async stop(): Promise<void> {
    await this.goDown().catch(() => undefined);
  }

  private createServer(): Server {
    const server = createServer((request, response) => {
      void this.handle(request).then(({ status, body, headers }) => {
        this.attempts.push({ status });
        response
          .writeHead(status, { 'Content-Type': 'application/json', ...headers })
          .end(JSON.stringify(body ?? {}));
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return server;
  }

  private async listen(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server.listen(this.port, '127.0.0.1', () => resolve()),
    );
    const address = this.server.address();
    if (typeof address === 'object' && address) this.port = address.port;
  }

  private async handle(request: IncomingMessage): Promise<ScriptedAnswer> {
    this.requestsStarted++;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const scripted = this.script.shift();
    if (scripted) {
      if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
      return scripted;
    }
    if (request.method !== 'POST' || request.url !== '/v1/agent/snapshots')
      return { status: 404, body: { code: 'NOT_FOUND' } };
    const raw = Buffer.concat(chunks);
    const encoding = request.headers['content-encoding'];
    const parsed = parseSnapshot(
      JSON.parse((encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')),
    );
    if (!parsed.ok)
      return {
        status: 400,
        body: {
          code: 'INVALID_SNAPSHOT',
          message: 'the snapshot does not match the schema',
          issues: parsed.issues,
        },
      };
    const contentHash = snapshotContentHash(parsed.snapshot);
    const duplicate = this.pushes.some((p) => p.contentHash === contentHash);
    this.pushes.push({
      token: /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1],
      encoding,
      snapshot: parsed.snapshot,
      contentHash,
      gzipBytes: raw.length,
    });
    return {
      status: 202,
      body: { snapshotId: `s${this.pushes.length}`, status: duplicate ? 'duplicate' : 'accepted' },
    };
  }
}
