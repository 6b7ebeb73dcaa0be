import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSnapshot } from '@fenceline/contracts';
import { buildInventory } from '@fenceline/netpol';
import { AgentMetrics } from '../health/agent-metrics';
import { silentLogger } from '../log/logger';
import { prepareSnapshot, type PreparedSnapshot } from '../snapshot/prepared-snapshot';
import { RecordingIngest } from '../../test/recording-ingest';
import { PushClient } from './push-client';
import { sleep } from './backoff';
import { Pusher, type Settlement } from './pusher';
import { Spool } from './spool';

/** A snapshot with `n` namespaces, so each n has its own content. */
const snapshotOf = (n: number): PreparedSnapshot =>
  prepareSnapshot(
    createSnapshot(
      buildInventory(
        Array.from({ length: n }, (_, i) => ({
          object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i}` } },
        })),
      ),
      {
        collectedAt: '2026-11-26T00:00:00Z',
        source: { type: 'cluster', agentVersion: '0.1.0' },
      },
    ),
  );

describe('Pusher', () => {
  let ingest: RecordingIngest;
  let pusher: Pusher | undefined;
  beforeEach(async () => {
    ingest = await RecordingIngest.start();
  });
  afterEach(async () => {
    await pusher?.stop(0);
    await ingest.stop();
  });

  const make = (
    options: { token?: string; tokenFile?: string; spool?: Spool; maxBackoffMs?: number } = {},
  ) => {
    const client = new PushClient(
      new URL(ingest.url),
      options.tokenFile
        ? { kind: 'file', path: options.tokenFile }
        : { kind: 'value', value: options.token ?? 'tok' },
      5_000,
    );
    const metrics = new AgentMetrics({ defaultMetrics: false });
    // Every wait the pusher asks for is recorded and then lasts at most 10 ms: the tests assert
    // on the waits asked for, not on elapsed time.
    const waits: number[] = [];
    pusher = new Pusher({
      client,
      log: silentLogger(),
      metrics,
      maxBackoffMs: options.maxBackoffMs ?? 1_000,
      tokenRecheckMs: 50,
      random: () => 0,
      sleep: (ms, signal) => {
        waits.push(ms);
        return sleep(Math.min(ms, 10), signal);
      },
      ...(options.spool ? { spool: options.spool } : {}),
    });
    const settled: Settlement[] = [];
    pusher.onSettled((s) => settled.push(s));
    return { pusher, metrics, settled, waits };
  };
  const until = async (check: () => boolean, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('pushes gzip with the bearer token and records the success', async () => {
    const { pusher, metrics, settled } = make({ token: 'agent-token' });
    const s = snapshotOf(2);
    pusher.submit(s);
    await ingest.waitForPushes(1);
    await until(() => settled.length === 1);
    expect(ingest.pushes[0]).toMatchObject({
      token: 'agent-token',
      encoding: 'gzip',
      contentHash: s.contentHash,
      gzipBytes: s.gzipBytes,
    });
    expect(settled).toEqual([{ contentHash: s.contentHash, outcome: 'ok' }]);
    expect(pusher.lastPushedHash).toBe(s.contentHash);
    expect((await metrics.pushes.get()).values).toEqual([
      { labels: { result: 'accepted' }, value: 1 },
    ]);
  });

  it('retries server errors and network failures with the newest snapshot only', async () => {
    const { pusher, metrics } = make();
    ingest.answer({ status: 503 }, { status: 500 });
    pusher.submit(snapshotOf(1));
    await until(() => ingest.attempts.length >= 1);
    const newest = snapshotOf(3);
    pusher.submit(snapshotOf(2));
    pusher.submit(newest);
    await ingest.waitForPushes(1);
    await until(() => pusher.state === 'idle');
    expect(ingest.pushes.map((p) => p.contentHash)).toEqual([newest.contentHash]);
    expect(ingest.attempts.map((a) => a.status)).toEqual([503, 500, 202]);
    const failures = (await metrics.pushFailures.get()).values;
    expect(failures).toEqual([{ labels: { reason: 'server' }, value: 2 }]);
  });

  it('keeps the pending snapshot while the API is down and delivers it when it is back', async () => {
    const { pusher, settled } = make();
    await ingest.goDown();
    const s = snapshotOf(4);
    pusher.submit(s);
    await until(() => settled.filter((x) => x.outcome === 'retry').length >= 2);
    expect(pusher.pendingHash).toBe(s.contentHash);
    await ingest.comeUp();
    await ingest.waitForPushes(1);
    expect(ingest.pushes[0]?.contentHash).toBe(s.contentHash);
  });

  it('honours Retry-After on 429', async () => {
    const { pusher, waits } = make({ maxBackoffMs: 1_000 });
    ingest.answer({ status: 429, headers: { 'Retry-After': '1' } });
    pusher.submit(snapshotOf(1));
    await ingest.waitForPushes(1);
    // The backoff alone would wait 500 ms (random 0, initial 1 s): Retry-After makes it 1 s.
    expect(waits).toEqual([1_000]);
  });

  it('drops a snapshot the API refuses as too large (413) and pushes the next one', async () => {
    const { pusher, settled } = make();
    ingest.answer({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE', message: 'request entity too large' },
    });
    const big = snapshotOf(5);
    pusher.submit(big);
    await until(() => settled.length === 1);
    expect(settled[0]).toEqual({ contentHash: big.contentHash, outcome: 'too_large' });
    expect(pusher.pendingHash).toBeUndefined();
    const next = snapshotOf(1);
    pusher.submit(next);
    await ingest.waitForPushes(1);
    expect(ingest.pushes[0]?.contentHash).toBe(next.contentHash);
  });

  it('drops a snapshot the API refuses (400) without retrying it', async () => {
    const { pusher, settled } = make();
    ingest.answer({
      status: 400,
      body: {
        code: 'INVALID_OBJECTS',
        message: 'the snapshot holds invalid objects',
        issues: [{ object: 'NetworkPolicy shop/p', path: 'spec.podSelector', message: 'required' }],
      },
    });
    pusher.submit(snapshotOf(1));
    await until(() => settled.length === 1);
    // The loop has ended with nothing pending: no later attempt can come.
    await until(() => pusher.state === 'idle');
    expect(pusher.pendingHash).toBeUndefined();
    expect(settled).toEqual([{ contentHash: snapshotOf(1).contentHash, outcome: 'rejected' }]);
    expect(ingest.attempts).toHaveLength(1);
  });

  it('stops on 401 and resumes when the token file changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fenceline-token-'));
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'revoked\n');
    const { pusher, metrics, waits } = make({ tokenFile });
    ingest.answer({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: 'a valid agent token is required' },
    });
    const s = snapshotOf(2);
    pusher.submit(s);
    await until(() => pusher.state === 'unauthorized');
    expect((await metrics.unauthorized.get()).values[0]?.value).toBe(1);
    // Three token rechecks (every 50 ms) found the same revoked token: still no second attempt.
    await until(() => waits.filter((ms) => ms === 50).length >= 3);
    expect(ingest.attempts).toHaveLength(1);
    writeFileSync(tokenFile, 'rotated\n');
    await ingest.waitForPushes(1);
    expect(ingest.pushes[0]).toMatchObject({ token: 'rotated', contentHash: s.contentHash });
  });

  it('spools the pending snapshot and clears the spool after the push', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fenceline-spool-'));
    const spool = new Spool(dir, silentLogger());
    await ingest.goDown();
    const { pusher } = make({ spool });
    const s = snapshotOf(3);
    pusher.submit(s);
    await until(() => existsSync(spool.path));
    expect((await new Spool(dir, silentLogger()).load())?.contentHash).toBe(s.contentHash);
    await ingest.comeUp();
    await ingest.waitForPushes(1);
    await until(() => !existsSync(spool.path));
  });
});

describe('Spool', () => {
  it('discards a corrupt file instead of failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fenceline-spool-'));
    const spool = new Spool(dir, silentLogger());
    writeFileSync(spool.path, 'not gzip');
    expect(await spool.load()).toBeUndefined();
    expect(existsSync(spool.path)).toBe(false);
  });
});
