import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { freePort } from '../support/wait';

/** `npm run demo`: migrations, API, worker, and the example fleet loaded through the API. */
const ROOT = resolve(__dirname, '../..');
const databaseUrl =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const redisUrl = process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `demo-${randomUUID()}`;
let demo: ChildProcess;

afterAll(async () => {
  demo?.kill('SIGTERM');
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

it('loads the example fleet: four clusters in dev, staging and prod, all analysed', async () => {
  const port = await freePort();
  demo = spawn(process.execPath, [resolve(ROOT, 'scripts/start.js'), '--demo'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  const ready = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`demo not ready:\n${out.slice(-2000)}`)), 90_000);
    demo.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Try:')) {
        clearTimeout(timer);
        done(out);
      }
    });
  });
  const apiKey = /API key\s+(flk_\S+)/.exec(ready)?.[1] as string;
  const clusters = (await (
    await fetch(`http://127.0.0.1:${port}/v1/clusters`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    })
  ).json()) as {
    name: string;
    environment: string;
    analysis: unknown;
  }[];
  expect(clusters.map((c) => `${c.environment}/${c.name}`).sort()).toEqual([
    'dev/shop-dev',
    'prod/shop-prod-eu',
    'prod/shop-prod-us',
    'staging/shop-staging',
  ]);
  expect(clusters.every((c) => c.analysis !== null)).toBe(true);
  // The shop baseline was promoted to every environment: the two clusters built to drift show
  // real alerts (hand-checked against examples/README.md), the two that match it none.
  const alerts = (await (
    await fetch(`http://127.0.0.1:${port}/v1/alerts?status=open`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    })
  ).json()) as { clusterName: string; kind: string; subject: string; severity: string }[];
  expect([...new Set(alerts.map((a) => a.clusterName))].sort()).toEqual([
    'shop-prod-eu',
    'shop-staging',
  ]);
  expect(alerts).toContainEqual(
    expect.objectContaining({
      clusterName: 'shop-prod-eu',
      kind: 'policy-unknown',
      subject: 'NetworkPolicy shop/db-debug-access',
    }),
  );
  expect(alerts).toContainEqual(
    expect.objectContaining({
      clusterName: 'shop-staging',
      kind: 'policy-missing',
      subject: 'NetworkPolicy shop/default-deny',
    }),
  );
  expect(ready).toContain('open drift alerts against baseline shop v1');
}, 180_000);
