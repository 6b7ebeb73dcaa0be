import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { freePort, until } from '../support/wait';

/**
 * The whole governance story against the built API, worker, CLI and agent on PostgreSQL and
 * Redis: a baseline pushed from a folder, pinned to dev, promoted (self-approval refused, a
 * second approver applies it), drift alerts for a pod relabelled into a wider policy with no
 * policy changed, resolved by the fixed snapshot, and signed webhooks delivered with a retry.
 */
const ROOT = resolve(__dirname, '../..');
const FENCELINE = resolve(ROOT, 'bin/fenceline');
const AGENT = resolve(ROOT, 'bin/fenceline-agent');
const BASELINE = resolve(ROOT, 'examples/baselines/shop');
const DEV = resolve(ROOT, 'examples/dev/shop-dev');
const databaseUrl =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const redisUrl = process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `e2e-story-${randomUUID()}`;

type Json = Record<string, unknown>;
interface Hook {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

let api: ChildProcess;
let worker: ChildProcess;
let hookServer: Server;
let base: string;
const hooks: Hook[] = [];
let failNextHook = true;

const run = (bin: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(bin, args, {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

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
    WEBHOOK_BACKOFF_MS: '300',
    WEBHOOK_MAX_ATTEMPTS: '4',
  };
  api = spawn(process.execPath, [resolve(ROOT, 'dist/apps/api/main.js')], { env, stdio: 'ignore' });
  worker = spawn(process.execPath, [resolve(ROOT, 'dist/apps/worker/main.js')], {
    env,
    stdio: 'ignore',
  });
  // The receiver fails its first delivery (500), then accepts: one retry is expected.
  hookServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const status = failNextHook ? 500 : 204;
      failNextHook = false;
      hooks.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', () => r()));
  await until(
    'the API',
    async () => ((await fetch(`${base}/readyz`)).ok ? true : undefined),
    60_000,
  );
}, 90_000);

afterAll(async () => {
  api?.kill('SIGTERM');
  worker?.kill('SIGTERM');
  await new Promise<void>((r) => hookServer.close(() => r()));
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

it('baseline → promotion → drift alert → resolution → signed webhooks', async () => {
  const boot = run(FENCELINE, ['admin', 'bootstrap', '--org', `story-${randomUUID()}`]);
  expect(boot.status).toBe(0);
  const admin = (JSON.parse(boot.stdout) as { apiKey: string }).apiKey;
  const call = async (
    key: string,
    method: string,
    path: string,
    body?: unknown,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers of many shapes, checked field by field below
  ): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : {} };
  };
  const key = async (name: string, role: string) =>
    ((await call(admin, 'POST', '/v1/api-keys', { name, role })).json as { key: string }).key;
  const eve = await key('eve', 'editor');
  const alice = await key('alice', 'approver');
  const bob = await key('bob', 'approver');

  const hookUrl = `http://127.0.0.1:${(hookServer.address() as { port: number }).port}/hook`;
  const webhook = await call(admin, 'POST', '/v1/webhooks', {
    url: hookUrl,
    events: ['alert.opened', 'alert.resolved', 'promotion.approved'],
  });
  expect(webhook.status).toBe(201);
  const secret = webhook.json['secret'] as string;

  // The baseline, from a folder, as a GitOps pipeline pushes it.
  const pushed = run(
    FENCELINE,
    ['baseline', 'push', BASELINE, '--name', 'shop', '--message', 'initial baseline'],
    { FENCELINE_API_URL: base, FENCELINE_API_KEY: eve },
  );
  expect({ status: pushed.status, stderr: pushed.stderr }).toEqual({ status: 0, stderr: '' });
  const baseline = ((await call(eve, 'GET', '/v1/baselines?name=shop')).json as Json[])[0] as {
    id: string;
    latestVersion: number;
  };
  expect(baseline.latestVersion).toBe(1);
  expect(
    run(FENCELINE, ['baseline', 'push', BASELINE, '--name', 'shop', '--message', 'again'], {
      FENCELINE_API_URL: base,
      FENCELINE_API_KEY: eve,
    }).stdout,
  ).toContain('unchanged');

  // Clusters: one per environment, pushed by the agent.
  const cluster = async (name: string, environment: string, dir: string) => {
    const created = (await call(eve, 'POST', '/v1/clusters', { name, environment })).json as {
      id: string;
    };
    const token = (
      (await call(eve, 'POST', `/v1/clusters/${created.id}/agent-tokens`)).json as { token: string }
    ).token;
    return {
      id: created.id,
      push: (folder = dir) =>
        run(AGENT, ['--from-dir', folder, '--once', '--api-url', base, '--health-port', '0'], {
          FENCELINE_TOKEN: token,
        }),
    };
  };
  const prodDir = mkdtempSync(join(tmpdir(), 'story-prod-'));
  cpSync(DEV, prodDir, { recursive: true });
  const dev = await cluster('story-dev', 'dev', DEV);
  const staging = await cluster('story-staging', 'staging', DEV);
  const prod = await cluster('story-prod', 'prod', prodDir);
  for (const c of [dev, staging, prod]) expect(c.push().status).toBe(0);
  for (const c of [dev, staging, prod])
    await until('analysis', async () =>
      (await call(eve, 'GET', `/v1/clusters/${c.id}`)).json['analysis'] ? true : undefined,
    );

  // dev: pinned directly; staging and prod only by promotion from the environment before.
  expect(
    (
      await call(eve, 'POST', `/v1/baselines/${baseline.id}/pins`, {
        environment: 'staging',
        version: 1,
      })
    ).status,
  ).toBe(400);
  expect(
    (
      await call(eve, 'POST', `/v1/baselines/${baseline.id}/pins`, {
        environment: 'dev',
        version: 1,
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await call(eve, 'POST', '/v1/promotions', {
        baselineId: baseline.id,
        version: 1,
        environment: 'prod',
      })
    ).status,
  ).toBe(400);
  const toStaging = await call(alice, 'POST', '/v1/promotions', {
    baselineId: baseline.id,
    version: 1,
    environment: 'staging',
  });
  expect(toStaging.status).toBe(201);
  expect((toStaging.json['preview'] as Json[]).map((p) => p['clusterId'])).toEqual([staging.id]);
  expect(
    (await call(eve, 'POST', `/v1/promotions/${toStaging.json['id']}/approve`, {})).status,
  ).toBe(403);
  const self = await call(alice, 'POST', `/v1/promotions/${toStaging.json['id']}/approve`, {});
  expect([self.status, self.json['code']]).toEqual([403, 'SELF_APPROVAL']);
  expect(
    (
      await call(bob, 'POST', `/v1/promotions/${toStaging.json['id']}/approve`, {
        reason: 'reviewed the preview',
      })
    ).json['status'],
  ).toBe('applied');
  const toProd = await call(alice, 'POST', '/v1/promotions', {
    baselineId: baseline.id,
    version: 1,
    environment: 'prod',
  });
  expect(
    (await call(bob, 'POST', `/v1/promotions/${toProd.json['id']}/approve`, {})).json['status'],
  ).toBe('applied');

  // prod matches the baseline: no alert yet (the reference is taken now).
  await until('the prod reference', async () =>
    ((await call(eve, 'GET', '/v1/audit-events')).json as Json[]).some(
      (e) => e['action'] === 'reference.set' && String(e['target']).includes(prod.id),
    )
      ? true
      : undefined,
  );
  expect(((await call(eve, 'GET', `/v1/alerts?clusterId=${prod.id}`)).json as Json[]).length).toBe(
    0,
  );

  // A pod relabelled into a wider policy's selector, no policy changed: web's pods now carry
  // app=db, so db-ingress admits monitoring to them on 9187 — a path no policy diff shows, into
  // the sensitive scope (app=db).
  const workloads = join(prodDir, 'shop', 'workloads.yaml');
  const original = readFileSync(workloads, 'utf8');
  const relabelled = original.replace(
    'metadata: { labels: { app: web } }',
    'metadata: { labels: { app: db } }',
  );
  expect(relabelled).not.toBe(original);
  writeFileSync(workloads, relabelled);
  expect(prod.push().status).toBe(0);
  const opened = await until(
    'drift alerts on prod',
    async () => {
      const list = (await call(eve, 'GET', `/v1/alerts?clusterId=${prod.id}&status=open`))
        .json as Json[];
      return list.some((a) => a['kind'] === 'connectivity-widened') ? list : undefined;
    },
    60_000,
  );
  expect(opened.every((a) => a['environment'] === 'prod' && a['baselineName'] === 'shop')).toBe(
    true,
  );
  const widened = opened.find((a) => a['kind'] === 'connectivity-widened')!;
  expect([widened['severity'], widened['subject']]).toEqual(['critical', 'monitoring → shop']);
  expect(
    opened.some(
      (a) =>
        a['kind'] === 'policy-modified' ||
        a['kind'] === 'policy-missing' ||
        a['kind'] === 'policy-unknown',
    ),
  ).toBe(false);
  // The same drift, found locally by the CLI for a CI pipeline: exit 1 and the JSON findings.
  const local = run(FENCELINE, [
    'drift',
    BASELINE,
    prodDir,
    '--reference',
    DEV,
    '--output',
    'json',
  ]);
  expect(local.status).toBe(1);
  expect((JSON.parse(local.stdout) as Json[]).map((f) => Object.keys(f).sort())).toContainEqual([
    'evidence',
    'kind',
    'severity',
    'subject',
  ]);

  // The fix: labels restored; the alerts resolve.
  writeFileSync(workloads, original);
  expect(prod.push().status).toBe(0);
  await until(
    'the alerts to resolve',
    async () => {
      const list = (await call(eve, 'GET', `/v1/alerts?clusterId=${prod.id}`)).json as Json[];
      return list.length > 0 && list.every((a) => a['status'] === 'resolved') ? true : undefined;
    },
    60_000,
  );

  // Webhooks: signed, one retry after the first failure, alert.opened and alert.resolved arrived.
  await until(
    'webhooks',
    async () =>
      hooks.some((h) => h.headers['x-fenceline-event'] === 'alert.resolved' && h.status === 204)
        ? true
        : undefined,
    60_000,
  );
  expect(hooks[0]?.status).toBe(500);
  const retried = hooks.filter(
    (h) => h.headers['x-fenceline-delivery'] === hooks[0]?.headers['x-fenceline-delivery'],
  );
  expect(retried.map((h) => h.status)).toEqual([500, 204]);
  for (const h of hooks) {
    const expected = createHmac('sha256', secret)
      .update(`${String(h.headers['x-fenceline-timestamp'])}.${h.body}`)
      .digest('hex');
    expect(h.headers['x-fenceline-signature']).toBe(`sha256=${expected}`);
  }
  const events = new Set(hooks.map((h) => h.headers['x-fenceline-event']));
  expect([...events].sort()).toEqual(['alert.opened', 'alert.resolved', 'promotion.approved']);

  // The worker recorded compliance results for every analysed snapshot; an auditor exports them.
  const zt = await until('compliance results', async () => {
    const res = await call(eve, 'GET', `/v1/clusters/${prod.id}/compliance/zero-trust`);
    return res.status === 200 ? res.json : undefined;
  });
  expect(zt.controls.map((c: Json) => c['id'])).toEqual([
    'ZT-1',
    'ZT-2',
    'ZT-3',
    'ZT-4',
    'ZT-5',
    'ZT-6',
    'ZT-7',
    'ZT-8',
    'ZT-9',
    'ZT-10',
    'ZT-11',
  ]);
  const requested = await call(eve, 'POST', '/v1/compliance/evidence-packs', {
    framework: 'zero-trust',
    scope: 'environment:prod',
  });
  expect([requested.status, requested.json.status]).toEqual([202, 'building']);
  const pack = await until('the evidence pack', async () => {
    const res = await call(eve, 'GET', `/v1/compliance/evidence-packs/${requested.json.id}/status`);
    return res.json.status === 'ready' ? res.json : undefined;
  });
  expect(pack.manifest.files.map((f: Json) => f['path'])).toEqual(
    expect.arrayContaining([
      'report.json',
      'report.csv',
      'report.pdf',
      'oscal/assessment-results.json',
    ]),
  );
  const zip = Buffer.from(
    await (
      await fetch(`${base}/v1/compliance/evidence-packs/${pack.id}`, {
        headers: { Authorization: `Bearer ${eve}` },
      })
    ).arrayBuffer(),
  );
  expect(createHash('sha256').update(zip).digest('hex')).toBe(pack.sha256);

  // Everything was audited.
  const actions = ((await call(eve, 'GET', '/v1/audit-events')).json as Json[]).map(
    (e) => e['action'],
  );
  for (const action of [
    'baseline.created',
    'baseline.version.created',
    'baseline.pinned',
    'promotion.requested',
    'promotion.approved',
    'reference.set',
    'webhook.created',
  ])
    expect(actions).toContain(action);
}, 240_000);
