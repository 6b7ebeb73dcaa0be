import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { stringify } from 'yaml';
import { FakeKubeApi, FIXTURE_CRDS, pod, shopCluster } from '@fenceline/kube-fake';
import { freePort, until } from '../support/wait';

/**
 * The built agent (`bin/fenceline-agent`) against the built CLI, a Kubernetes API server speaking
 * the list/watch protocol, and the built API and worker on PostgreSQL and Redis.
 */
const ROOT = resolve(__dirname, '../..');
/** The sum of a metric's series in Prometheus text, over those whose labels contain `labels`. */
function metricSum(text: string, name: string, labels = ''): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => line.includes(labels))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

const AGENT = resolve(ROOT, 'bin/fenceline-agent');
const FENCELINE = resolve(ROOT, 'bin/fenceline');
const EXAMPLES = resolve(ROOT, 'examples');
const databaseUrl =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const redisUrl = process.env['FENCELINE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `e2e-agent-${randomUUID()}`;

type Raw = Record<string, unknown>;

const run = (bin: string, args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(bin, args, {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
/** A snapshot without what legitimately differs between two runs: when, and who collected it. */
const comparable = (json: string) => {
  const snapshot = JSON.parse(json) as Raw;
  delete snapshot['collectedAt'];
  delete snapshot['source'];
  return snapshot;
};
/** examples/<environment>/<cluster>/ (examples/baselines/ holds baselines, not clusters). */
const exampleClusters = (): string[] =>
  ['dev', 'staging', 'prod']
    .flatMap((env) => readdirSync(join(EXAMPLES, env)).map((name) => join(EXAMPLES, env, name)))
    .filter((dir) => statSync(dir).isDirectory());
/** YAML of the objects, as a platform engineer would export them with kubectl. */
const yamlDir = (objects: readonly Raw[]): string => {
  const dir = mkdtempSync(join(tmpdir(), 'fenceline-e2e-objects-'));
  writeFileSync(
    join(dir, 'cluster.yaml'),
    objects
      .filter((o) => o['kind'] !== 'DaemonSet')
      .map((o) => stringify(o))
      .join('---\n'),
  );
  return dir;
};

describe('fenceline-agent builds the snapshot `fenceline snapshot` builds', () => {
  it.each(exampleClusters().map((dir) => [dir.slice(EXAMPLES.length + 1), dir]))(
    '--from-dir %s',
    (_name, dir) => {
      const agent = run(AGENT, ['--from-dir', dir, '--once', '--dry-run']);
      const cli = run(FENCELINE, ['snapshot', dir]);
      expect(agent.status).toBe(0);
      expect(cli.status).toBe(0);
      expect(comparable(agent.stdout)).toEqual(comparable(cli.stdout));
      expect(JSON.parse(agent.stdout).source).toEqual({ type: 'manifests', agentVersion: '0.1.0' });
    },
  );

  it('from a live cluster (list protocol), for the objects a kubectl export of it holds', async () => {
    const kube = await FakeKubeApi.start({ token: 'kube-token' });
    try {
      for (const crd of FIXTURE_CRDS) kube.addResource(crd);
      for (const object of shopCluster()) kube.apply(object);
      const kubeconfig = kube.writeKubeconfig(mkdtempSync(join(tmpdir(), 'fenceline-kubeconfig-')));
      // spawnSync would block the event loop the fake server runs on.
      const agent = await new Promise<{ status: number | null; stdout: string }>((done) => {
        const child = spawn(
          AGENT,
          ['--kubeconfig', kubeconfig, '--once', '--dry-run', '--cluster-name', 'prod-eu'],
          { stdio: ['ignore', 'pipe', 'ignore'] },
        );
        let stdout = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.on('close', (status) => done({ status, stdout }));
      });
      const cli = run(FENCELINE, [
        'snapshot',
        yamlDir(kube.allObjects()),
        '--cluster-name',
        'prod-eu',
      ]);
      expect(agent.status).toBe(0);
      expect(comparable(agent.stdout)).toEqual(comparable(cli.stdout));
      expect(JSON.parse(agent.stdout).source).toEqual({
        type: 'cluster',
        agentVersion: '0.1.0',
        cni: { name: 'calico', enforcesNetworkPolicy: true },
      });
    } finally {
      await kube.stop();
    }
  });
});

describe('fenceline-agent with the real API and worker', () => {
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let agent: ChildProcess | undefined;
  let kube: FakeKubeApi | undefined;
  let base: string;
  let env: Record<string, string>;

  const startApi = async () => {
    api = spawn(process.execPath, [resolve(ROOT, 'dist/apps/api/main.js')], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    await until(
      'the API to be ready',
      async () => ((await fetch(`${base}/readyz`)).ok ? true : undefined),
      60_000,
    );
  };
  const stopApi = async () => {
    const exited = new Promise((r) => api?.once('exit', r));
    api?.kill('SIGTERM');
    await exited;
    api = undefined;
  };

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      // Test files run in parallel: each worker's health port is its own.
      WORKER_HTTP_PORT: String(await freePort()),
    };
    await startApi();
    worker = spawn(process.execPath, [resolve(ROOT, 'dist/apps/worker/main.js')], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
  }, 90_000);

  afterAll(async () => {
    agent?.kill('SIGTERM');
    api?.kill('SIGTERM');
    worker?.kill('SIGTERM');
    await kube?.stop();
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

  const organization = () => {
    const boot = run(FENCELINE, ['admin', 'bootstrap', '--org', `e2e-agent-${randomUUID()}`]);
    expect(boot.status).toBe(0);
    const { apiKey } = JSON.parse(boot.stdout) as { apiKey: string };
    return { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' };
  };
  const createCluster = async (
    headers: Record<string, string>,
    name: string,
    environment: string,
  ) => {
    const cluster = (await (
      await fetch(`${base}/v1/clusters`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name, environment }),
      })
    ).json()) as { id: string };
    const { token } = (await (
      await fetch(`${base}/v1/clusters/${cluster.id}/agent-tokens`, { method: 'POST', headers })
    ).json()) as { token: string };
    return { id: cluster.id, token };
  };
  /** Resolves when the cluster's connectivity equals what `fenceline connlist` says of the manifests. */
  const connectivityMatches = (
    headers: Record<string, string>,
    clusterId: string,
    manifests: string,
    ms = 45_000,
  ) => {
    const expected = JSON.stringify(
      JSON.parse(run(FENCELINE, ['connlist', manifests, '--output', 'json']).stdout),
    );
    return until(
      `the connectivity of ${manifests}`,
      async () => {
        const res = await fetch(`${base}/v1/clusters/${clusterId}/connectivity`, { headers });
        // Compared as JSON text: fetch's objects come from another realm than the test's.
        return res.ok && JSON.stringify(await res.json()) === expected ? true : undefined;
      },
      ms,
    );
  };

  it('--from-dir --once pushes the examples fleet, and every cluster shows its analysed snapshot', async () => {
    const headers = organization();
    for (const dir of exampleClusters()) {
      const [environment, name] = dir.slice(EXAMPLES.length + 1).split('/') as [string, string];
      const cluster = await createCluster(headers, name, environment);
      const pushed = run(
        AGENT,
        [
          '--from-dir',
          dir,
          '--once',
          '--api-url',
          base,
          '--cluster-name',
          name,
          '--health-port',
          '0',
        ],
        { FENCELINE_TOKEN: cluster.token },
      );
      expect({
        name,
        status: pushed.status,
        stderr: pushed.status === 0 ? '' : pushed.stderr,
      }).toEqual({ name, status: 0, stderr: '' });
      await connectivityMatches(headers, cluster.id, dir);
    }
    const clusters = (await (await fetch(`${base}/v1/clusters`, { headers })).json()) as {
      analysis: unknown;
    }[];
    expect(clusters).toHaveLength(exampleClusters().length);
    expect(clusters.every((c) => c.analysis !== null)).toBe(true);
  }, 180_000);

  it('follows a live cluster, and loses nothing while the API is down', async () => {
    const headers = organization();
    const cluster = await createCluster(headers, 'prod-eu', 'prod');
    kube = await FakeKubeApi.start({ token: 'kube-token', bookmarkIntervalMs: 500 });
    for (const crd of FIXTURE_CRDS) kube.addResource(crd);
    for (const object of shopCluster()) kube.apply(object);
    const dir = mkdtempSync(join(tmpdir(), 'fenceline-e2e-agent-'));
    const healthPort = await freePort();
    agent = spawn(
      AGENT,
      [
        '--kubeconfig',
        kube.writeKubeconfig(dir),
        '--api-url',
        base,
        '--debounce',
        '500ms',
        '--max-backoff',
        '2s',
        '--health-port',
        String(healthPort),
        '--spool-dir',
        join(dir, 'spool'),
      ],
      {
        env: { ...process.env, FENCELINE_TOKEN: cluster.token },
        stdio: 'ignore',
      },
    );
    const before = yamlDir(kube.allObjects());
    await connectivityMatches(headers, cluster.id, before);
    const metricsBefore = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
    const buildsBefore = metricSum(
      metricsBefore,
      'fenceline_agent_snapshot_builds_total',
      'trigger="change"',
    );
    const failuresBefore = metricSum(metricsBefore, 'fenceline_agent_push_failures_total');

    await stopApi();
    // While the API is down: a relabel that puts the database under a wider policy (no policy
    // changes), and a new pod.
    kube.apply(
      pod(
        'payments',
        'db-5f6c7-abcde',
        { app: 'payments-api' },
        {
          ip: '10.0.2.20',
          owner: ['ReplicaSet', 'db-5f6c7'],
          ports: [{ containerPort: 5432, protocol: 'TCP' }],
        },
      ),
    );
    kube.apply(
      pod(
        'shop',
        'web-7d4b9c-late',
        { app: 'web' },
        {
          ip: '10.0.1.13',
          owner: ['ReplicaSet', 'web-7d4b9c'],
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        },
      ),
    );
    const after = yamlDir(kube.allObjects());
    const connlist = (manifests: string) =>
      run(FENCELINE, ['connlist', manifests, '--output', 'json']).stdout;
    expect(connlist(after)).not.toBe(connlist(before));
    // The agent built the changes and tried to push them while the API is down: the newest
    // snapshot waits in the agent (its metrics say so) when the API comes back.
    await until('the agent to build the changes and fail to push them', async () => {
      const text = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
      const built = metricSum(text, 'fenceline_agent_snapshot_builds_total', 'trigger="change"');
      return metricSum(text, 'fenceline_agent_changes_pending') === 0 &&
        built > buildsBefore &&
        metricSum(text, 'fenceline_agent_pending_snapshot') === 1 &&
        metricSum(text, 'fenceline_agent_push_failures_total') > failuresBefore
        ? true
        : undefined;
    });
    await startApi();
    await connectivityMatches(headers, cluster.id, after, 60_000);

    // SIGTERM: the agent finishes what it is doing and exits 0.
    const exited = new Promise<number | null>((done) => agent?.once('exit', (code) => done(code)));
    agent.kill('SIGTERM');
    expect(await exited).toBe(0);
    agent = undefined;
  }, 180_000);
});
