'use strict';
// The demo: a demo organization with the clusters of examples/<environment>/<cluster>/, each
// pushed by the cluster agent in `--from-dir --once` mode with its own agent token. Used by
// `npm run demo` and `npm start -- --demo` once the API and worker run.
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = (args, env) => {
  const run = spawnSync(process.execPath, [join(root, 'dist/apps/cli/main.js'), ...args], { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`fenceline ${args.join(' ')}: ${run.stderr.trim()}`);
  return run.stdout;
};

const agent = (args, env) => {
  const run = spawnSync(process.execPath, [join(root, 'dist/apps/agent/main.js'), ...args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`fenceline-agent ${args.join(' ')} exited ${run.status}: ${run.stderr.trim()}`);
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
  const { organizationId, apiKey } = JSON.parse(cli(['admin', 'bootstrap', '--org', `demo-${new Date().toISOString().replace(/[:.]/g, '-')}`], env));
  const headers = { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' };
  const call = async (method, path, body, extra = {}) => {
    const res = await fetch(`${base}${path}`, { method, headers: { ...headers, ...extra }, body });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const clusters = [];
  for (const environment of ['dev', 'staging', 'prod']) {
    const dir = join(root, 'examples', environment);
    for (const name of readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort()) {
      const cluster = await call('POST', '/v1/clusters', JSON.stringify({ name, environment }));
      const { token } = await call('POST', `/v1/clusters/${cluster.id}/agent-tokens`);
      agent(['--from-dir', join(dir, name), '--once', '--api-url', base, '--cluster-name', name, '--health-port', '0'], { ...env, FENCELINE_TOKEN: token, FENCELINE_LOG_LEVEL: 'warn' });
      clusters.push({ name, environment, id: cluster.id });
    }
  }
  for (const c of clusters) {
    await waitFor(`the analysis of ${c.name}`, async () => (await call('GET', `/v1/clusters/${c.id}`)).analysis);
  }
  const lines = [
    '',
    'Fenceline demo is ready.',
    `  organization  ${organizationId}`,
    `  API key       ${apiKey}   (admin; shown once)`,
    `  OpenAPI       ${base}/docs`,
    '  clusters:',
    ...clusters.map((c) => `    ${c.environment.padEnd(8)} ${c.name.padEnd(14)} ${base}/v1/clusters/${c.id}`),
    '',
    'Try:',
    `  curl -H "Authorization: Bearer ${apiKey}" ${base}/v1/clusters`,
    `  curl -H "Authorization: Bearer ${apiKey}" ${base}/v1/clusters/${clusters.find((c) => c.name === 'shop-staging')?.id}/coverage   # the gap`,
    `  curl -H "Authorization: Bearer ${apiKey}" ${base}/v1/clusters/${clusters.find((c) => c.name === 'shop-prod-eu')?.id}/connectivity   # the drift`,
    '',
  ];
  console.log(lines.join('\n'));
  return { organizationId, apiKey, clusters };
}

module.exports = { runDemo };
