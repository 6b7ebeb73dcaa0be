import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Queue } from 'bullmq';
import { freePort, until } from '../support/wait';

/**
 * The platform end to end: the built API and worker as real processes on PostgreSQL and Redis,
 * driven over HTTP; what they report must equal what the CLI computes for the same manifests.
 */
const ROOT = resolve(__dirname, '../..');
const FENCELINE = resolve(ROOT, 'bin/fenceline');
const databaseUrl =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const redisUrl = process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `e2e-${randomUUID()}`;
const SHOP = resolve(ROOT, 'libs/netpol/test/golden/shop/manifests');
const WORKLOADS = resolve(ROOT, 'libs/netpol/test/golden/workload-kinds/manifests');

let api: ChildProcess;
let worker: ChildProcess;
let base: string;
let workerBase: string;

function cli(...args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync(FENCELINE, args, {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout };
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    // Test files run in parallel: each worker's health port is its own.
    WORKER_HTTP_PORT: String(await freePort()),
  };
  workerBase = `http://127.0.0.1:${env.WORKER_HTTP_PORT}`;
  api = spawn(process.execPath, [resolve(ROOT, 'dist/apps/api/main.js')], { env, stdio: 'ignore' });
  worker = spawn(process.execPath, [resolve(ROOT, 'dist/apps/worker/main.js')], {
    env,
    stdio: 'ignore',
  });
  await until('the API to be ready', async () =>
    (await fetch(`${base}/readyz`)).ok ? true : undefined,
  );
  await until('the worker to be ready', async () =>
    (await fetch(`${workerBase}/readyz`)).ok ? true : undefined,
  );
}, 60_000);

afterAll(async () => {
  api?.kill('SIGTERM');
  worker?.kill('SIGTERM');
  // Every queue the services use, so Redis keeps nothing of the run.
  for (const name of [
    'analyze',
    'drift',
    'compliance',
    'export',
    'notify',
    'deliver',
    'retention',
  ]) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

describe('platform: agent push → worker analysis → REST', () => {
  it('reports for pushed snapshots (plain and gzip) the connectivity and coverage the CLI computes', async () => {
    const boot = cli('admin', 'bootstrap', '--org', `e2e-${randomUUID()}`);
    expect(boot.status).toBe(0);
    const { apiKey } = JSON.parse(boot.stdout) as { apiKey: string };
    const headers = { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' };
    const cluster = (await (
      await fetch(`${base}/v1/clusters`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'shop', environment: 'dev' }),
      })
    ).json()) as { id: string };
    const token = (await (
      await fetch(`${base}/v1/clusters/${cluster.id}/agent-tokens`, { method: 'POST', headers })
    ).json()) as { token: string };
    const agent = { Authorization: `Bearer ${token.token}`, 'Content-Type': 'application/json' };

    const push = async (body: string | Buffer, extra: Record<string, string> = {}) =>
      fetch(`${base}/v1/agent/snapshots`, {
        method: 'POST',
        headers: { ...agent, ...extra },
        body,
      });
    const connectivity = async (expected: unknown) =>
      until('the analysis', async () => {
        const res = await fetch(`${base}/v1/clusters/${cluster.id}/connectivity`, { headers });
        const body = res.ok ? await res.json() : undefined;
        // Compared as JSON text: fetch's objects come from another realm than the test's.
        return body !== undefined && JSON.stringify(body) === JSON.stringify(expected)
          ? body
          : undefined;
      });

    const shopSnapshot = cli('snapshot', SHOP).stdout;
    const first = await push(shopSnapshot);
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ status: 'accepted' });
    await connectivity(JSON.parse(cli('connlist', SHOP, '--output', 'json').stdout));
    const coverage = await (
      await fetch(`${base}/v1/clusters/${cluster.id}/coverage`, { headers })
    ).json();
    expect(coverage).toMatchObject({ totalPods: 3, ingressIsolatedPods: 2, egressIsolatedPods: 2 });
    const graphql = (await (
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          query:
            '{ clusters { id coverage { totalPods ingressIsolatedPods egressIsolatedPods } connectivity { src dst conn } } }',
        }),
      })
    ).json()) as { data: { clusters: { id: string; coverage: unknown; connectivity: unknown }[] } };
    expect(graphql.data.clusters).toHaveLength(1);
    expect(graphql.data.clusters[0]?.coverage).toEqual({
      totalPods: 3,
      ingressIsolatedPods: 2,
      egressIsolatedPods: 2,
    });
    // Compared as JSON text: fetch's objects come from another realm than the test's.
    expect(JSON.stringify(graphql.data.clusters[0]?.connectivity)).toBe(
      JSON.stringify(JSON.parse(cli('connlist', SHOP, '--output', 'json').stdout)),
    );
    expect(await (await push(shopSnapshot)).json()).toMatchObject({ status: 'duplicate' });

    const gz = await push(gzipSync(cli('snapshot', WORKLOADS).stdout), {
      'Content-Encoding': 'gzip',
    });
    expect(gz.status).toBe(202);
    await connectivity(JSON.parse(cli('connlist', WORKLOADS, '--output', 'json').stdout));

    const listed = (await (
      await fetch(`${base}/v1/clusters/${cluster.id}`, { headers })
    ).json()) as { lastSnapshotAt: string | null; analysis: unknown };
    expect(listed.lastSnapshotAt).not.toBeNull();
    expect(listed.analysis).toMatchObject({ connections: 11 });
  }, 120_000);

  it('the worker answers its probes and Prometheus metrics on its own port', async () => {
    expect((await fetch(`${workerBase}/healthz`)).status).toBe(200);
    const ready = (await (await fetch(`${workerBase}/readyz`)).json()) as { checks: unknown };
    expect(ready.checks).toEqual({ postgres: 'ok', redis: 'ok', processors: 'ok' });
    const metrics = await (await fetch(`${workerBase}/metrics`)).text();
    expect(metrics).toContain('bullmq_job_count{queue="analyze",state="waiting"}');
    // The analyses of the test above were timed.
    const analysed =
      /^fenceline_worker_job_duration_seconds_count\{queue="analyze",status="completed"\} (\d+)$/m.exec(
        metrics,
      );
    expect(Number(analysed?.[1])).toBeGreaterThan(0);
  });
});
