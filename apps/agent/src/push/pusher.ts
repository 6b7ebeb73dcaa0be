import type { Logger } from '../log/logger';
import type { AgentMetrics } from '../health/agent-metrics';
import { shortHash, type PreparedSnapshot } from '../snapshot/prepared-snapshot';
import { Backoff, sleep } from './backoff';
import type { PushAttempt, PushClient } from './push-client';
import type { Spool } from './spool';

export type PusherState = 'idle' | 'pushing' | 'waiting' | 'unauthorized' | 'stopped';

export interface PusherOptions {
  readonly client: PushClient;
  readonly log: Logger;
  readonly metrics: AgentMetrics;
  readonly maxBackoffMs: number;
  readonly spool?: Spool;
  /** While unauthorized, how often to look whether the token (file) changed. */
  readonly tokenRecheckMs?: number;
  readonly random?: () => number;
  /** Waits between attempts and token rechecks (tests pass one that records each wait). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** How a snapshot left the pusher. */
export type Settlement = {
  readonly contentHash: string;
  readonly outcome: PushAttempt['kind'] | 'superseded';
};

/**
 * Delivers snapshots to the API, never losing the latest state: only the newest pending snapshot
 * is kept (an older one is worthless once a newer exists), retried with exponential backoff and
 * jitter until the API takes it. A 401 stops pushing (retrying a revoked token only fills the
 * API's logs) until the token file changes; a 413 or another refusal drops that snapshot — the
 * next change builds a new one.
 */
export class Pusher {
  private pending: PreparedSnapshot | undefined;
  private stateValue: PusherState = 'idle';
  private loopRunning = false;
  private readonly stopController = new AbortController();
  private readonly backoff: Backoff;
  private inFlight: Promise<unknown> = Promise.resolve();
  private readonly settledListeners = new Set<(s: Settlement) => void>();
  private rejectedToken: string | undefined;
  private readonly wait: (ms: number, signal: AbortSignal) => Promise<void>;
  lastSuccessAt: Date | undefined;
  lastPushedHash: string | undefined;

  constructor(private readonly options: PusherOptions) {
    this.backoff = new Backoff(1_000, options.maxBackoffMs, options.random);
    this.wait = options.sleep ?? sleep;
  }

  get state(): PusherState {
    return this.stateValue;
  }

  get pendingHash(): string | undefined {
    return this.pending?.contentHash;
  }

  onSettled(listener: (s: Settlement) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /** Makes `prepared` the snapshot to deliver next, replacing any older pending one. */
  submit(prepared: PreparedSnapshot): void {
    if (this.stopController.signal.aborted) return;
    const replaced = this.pending;
    this.pending = prepared;
    this.options.metrics.pending.set(1);
    if (replaced && replaced.contentHash !== prepared.contentHash)
      this.settle(replaced.contentHash, 'superseded');
    void this.options.spool?.save(prepared);
    this.ensureLoop();
  }

  /** Stops after the push in flight (if any) completes or `graceMs` passes. */
  async stop(graceMs: number): Promise<void> {
    this.stopController.abort();
    this.stateValue = 'stopped';
    const grace = new AbortController();
    await Promise.race([this.inFlight, sleep(graceMs, grace.signal)]);
    grace.abort();
  }

  private ensureLoop(): void {
    if (this.loopRunning) return;
    this.loopRunning = true;
    void this.loop().finally(() => (this.loopRunning = false));
  }

  private async loop(): Promise<void> {
    const { log, metrics, client } = this.options;
    while (this.pending && !this.stopController.signal.aborted) {
      const snapshot = this.pending;
      this.stateValue = 'pushing';
      const attempt = client.push(snapshot);
      this.inFlight = attempt;
      const result = await attempt;
      const current = this.pending === snapshot;
      switch (result.kind) {
        case 'ok':
          metrics.pushes.inc({ result: result.result });
          metrics.lastSuccess.set(Date.now() / 1000);
          this.lastSuccessAt = new Date();
          this.lastPushedHash = snapshot.contentHash;
          this.backoff.reset();
          log.info(
            {
              result: result.result,
              snapshotId: result.snapshotId,
              contentHash: shortHash(snapshot.contentHash),
              rawBytes: snapshot.rawBytes,
              gzipBytes: snapshot.gzipBytes,
              ...snapshot.counts,
            },
            `pushed snapshot ${shortHash(snapshot.contentHash)} (${result.result}; ${snapshot.counts.pods} pods, ${snapshot.counts.policies} policies, ${snapshot.gzipBytes} bytes gzip)`,
          );
          this.finish(snapshot, current, 'ok');
          break;
        case 'too_large':
          metrics.pushFailures.inc({ reason: 'too_large' });
          log.error(
            { rawBytes: snapshot.rawBytes, gzipBytes: snapshot.gzipBytes, answer: result.message },
            `the API refused the snapshot as too large (413): ${snapshot.rawBytes} bytes of JSON, ${snapshot.gzipBytes} gzip; raise INGEST_MAX_BYTES on the API. Dropped; the next change is pushed again.`,
          );
          this.finish(snapshot, current, 'too_large');
          break;
        case 'rejected':
          metrics.pushFailures.inc({ reason: 'rejected' });
          log.error(
            { answer: result.message },
            `the API refused the snapshot: ${result.message}. Dropped; the next change is pushed again.`,
          );
          this.finish(snapshot, current, 'rejected');
          break;
        case 'unauthorized':
          metrics.pushFailures.inc({ reason: 'unauthorized' });
          metrics.unauthorized.set(1);
          this.stateValue = 'unauthorized';
          this.rejectedToken = await client.readToken().catch(() => undefined);
          log.error(
            { answer: result.message },
            `the API rejected the agent token (${result.message}). Pushes are stopped: create a new token for this cluster and update the Secret${client.tokenFromFile ? ' (a changed token file is picked up by itself)' : ', then restart the agent'}.`,
          );
          this.settle(snapshot.contentHash, 'unauthorized');
          await this.waitForNewToken();
          metrics.unauthorized.set(0);
          break;
        case 'retry': {
          metrics.pushFailures.inc({ reason: result.reason });
          const wait = Math.max(this.backoff.next(), result.retryAfterMs ?? 0);
          this.stateValue = 'waiting';
          log.warn(
            {
              reason: result.reason,
              answer: result.message,
              retryInMs: wait,
              attempt: this.backoff.attempts,
            },
            `push failed (${result.message}); retrying in ${wait} ms with the newest snapshot`,
          );
          if (current) this.settle(snapshot.contentHash, 'retry');
          await this.wait(wait, this.stopController.signal);
          break;
        }
      }
    }
    if (!this.stopController.signal.aborted) this.stateValue = 'idle';
  }

  /** A settled snapshot leaves the queue unless a newer one replaced it meanwhile. */
  private finish(
    snapshot: PreparedSnapshot,
    current: boolean,
    outcome: Settlement['outcome'],
  ): void {
    if (current) {
      this.pending = undefined;
      this.options.metrics.pending.set(0);
      void this.options.spool?.clear(snapshot.contentHash);
    }
    this.settle(snapshot.contentHash, outcome);
  }

  private settle(contentHash: string, outcome: Settlement['outcome']): void {
    for (const listener of this.settledListeners) listener({ contentHash, outcome });
  }

  /** Waits until the token differs from the rejected one (a rotated Secret), or the agent stops. */
  private async waitForNewToken(): Promise<void> {
    const every = this.options.tokenRecheckMs ?? 30_000;
    while (!this.stopController.signal.aborted) {
      await this.wait(every, this.stopController.signal);
      const token = await this.options.client.readToken().catch(() => undefined);
      if (token !== undefined && this.rejectedToken !== undefined && token !== this.rejectedToken) {
        this.options.log.info('the agent token changed; resuming pushes');
        return;
      }
    }
  }
}
