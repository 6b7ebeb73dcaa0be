'use strict';
// The demo: a demo organization with the clusters of examples/<environment>/<cluster>/, each
// pushed by the cluster agent in `--from-dir --once` mode with its own agent token. Used by
// `npm run demo` and `npm start -- --demo` once the API and worker run.
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = (args, env) => {
  const run = spawnSync(process.execPath, [join(root, 'dist/apps/cli/main.js'), ...args], {
    encoding: 'utf8',
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`fenceline ${args.join(' ')}: ${run.stderr.trim()}`);
  return run.stdout;
};

const agent = (args, env) => {
  const run = spawnSync(process.execPath, [join(root, 'dist/apps/agent/main.js'), ...args], {
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0)
    throw new Error(`fenceline-agent ${args.join(' ')} exited ${run.status}: ${run.stderr.trim()}`);
};

async function waitFor(what, fn, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function runDemo(base, env) {
  await waitFor('the API', async () => (await fetch(`${base}/readyz`)).ok);
  const { organizationId, apiKey } = JSON.parse(
    cli(
      ['admin', 'bootstrap', '--org', `demo-${new Date().toISOString().replace(/[:.]/g, '-')}`],
      env,
    ),
  );
  const headers = { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' };
  const call = async (method, path, body, extra = {}) => {
    const res = await fetch(`${base}${path}`, { method, headers: { ...headers, ...extra }, body });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const clusters = [];
  for (const environment of ['dev', 'staging', 'prod']) {
    const dir = join(root, 'examples', environment);
    for (const name of readdirSync(dir)
      .filter((n) => statSync(join(dir, n)).isDirectory())
      .sort()) {
      const cluster = await call('POST', '/v1/clusters', JSON.stringify({ name, environment }));
      const { token } = await call('POST', `/v1/clusters/${cluster.id}/agent-tokens`);
      agent(
        [
          '--from-dir',
          join(dir, name),
          '--once',
          '--api-url',
          base,
          '--cluster-name',
          name,
          '--health-port',
          '0',
        ],
        { ...env, FENCELINE_TOKEN: token, FENCELINE_LOG_LEVEL: 'warn' },
      );
      clusters.push({ name, environment, id: cluster.id });
    }
  }
  for (const c of clusters) {
    await waitFor(
      `the analysis of ${c.name}`,
      async () => (await call('GET', `/v1/clusters/${c.id}`)).analysis,
    );
  }

  // The shop baseline, pushed from its folder, pinned to dev and promoted to staging and prod:
  // the demo admin requests, a second key (an approver) approves, as two people would.
  cli(
    [
      'baseline',
      'push',
      join(root, 'examples/baselines/shop'),
      '--name',
      'shop',
      '--message',
      'demo baseline',
    ],
    { ...env, FENCELINE_API_URL: base, FENCELINE_API_KEY: apiKey },
  );
  const approver = await call(
    'POST',
    '/v1/api-keys',
    JSON.stringify({ name: 'demo-approver', role: 'approver' }),
  );
  const [baseline] = await call('GET', '/v1/baselines?name=shop');
  await call(
    'POST',
    `/v1/baselines/${baseline.id}/pins`,
    JSON.stringify({ environment: 'dev', version: 1 }),
  );
  for (const environment of ['staging', 'prod']) {
    const promotion = await call(
      'POST',
      '/v1/promotions',
      JSON.stringify({ baselineId: baseline.id, version: 1, environment }),
    );
    await call(
      'POST',
      `/v1/promotions/${promotion.id}/approve`,
      JSON.stringify({ reason: 'demo' }),
      { Authorization: `Bearer ${approver.key}` },
    );
  }
  const drifting = ['shop-staging', 'shop-prod-eu'].map((name) =>
    clusters.find((c) => c.name === name),
  );
  const alerts = await waitFor('drift alerts', async () => {
    const open = await call('GET', '/v1/alerts?status=open');
    return drifting.every((c) => open.some((a) => a.clusterId === c.id)) ? open : undefined;
  });
  const lines = [
    '',
    'Fenceline demo is ready.',
    `  organization  ${organizationId}`,
    `  API key       ${apiKey}   (admin; shown once)`,
    `  OpenAPI       ${base}/docs`,
    '  clusters:',
    ...clusters.map(
      (c) => `    ${c.environment.padEnd(8)} ${c.name.padEnd(14)} ${base}/v1/clusters/${c.id}`,
    ),
    '',
    'Try:',
    `  curl -H "Authorization: Bearer ${apiKey}" ${base}/v1/clusters`,
    `  curl -H "Authorization: Bearer ${apiKey}" ${base}/v1/clusters/${clusters.find((c) => c.name === 'shop-staging')?.id}/coverage   # the gap`,
    `  curl -H "Authorization: Bearer ${apiKey}" ${base}/v1/clusters/${clusters.find((c) => c.name === 'shop-prod-eu')?.id}/connectivity   # the drift`,
    `  curl -H "Authorization: Bearer ${apiKey}" "${base}/v1/alerts?status=open"   # ${alerts.length} open drift alerts against baseline shop v1`,
    ...alerts.map(
      (a) =>
        `      ${a.severity.padEnd(8)} ${a.clusterName.padEnd(14)} ${a.kind.padEnd(22)} ${a.subject}`,
    ),
    `  curl -H "Authorization: Bearer ${apiKey}" "${base}/v1/compliance/summary?framework=zero-trust"   # compliance of the fleet`,
    `  curl -H "Authorization: Bearer ${apiKey}" -o zero-trust.pdf "${base}/v1/compliance/exports/pdf?framework=zero-trust"   # the auditors' PDF`,
    '',
  ];
  console.log(lines.join('\n'));
  return { organizationId, apiKey, clusters, alerts };
}

module.exports = { runDemo };
