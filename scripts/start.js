#!/usr/bin/env node
'use strict';
// `npm start`: applies the migrations (creating the database if missing), then runs the API and
// the worker until SIGINT/SIGTERM, which it passes on so both shut down gracefully.
// `npm start -- --demo` (or `npm run demo`) also loads the example fleet (scripts/demo.js).
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const env = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/fenceline',
  REDIS_URL: 'redis://127.0.0.1:6379',
  ...process.env,
};

const demo = process.argv.includes('--demo');
for (const app of demo ? ['api', 'worker', 'cli', 'agent'] : ['api', 'worker']) {
  if (!existsSync(join(root, `dist/apps/${app}/main.js`))) {
    console.error(`fenceline: dist/apps/${app}/main.js is missing: run \`npm run build\` first`);
    process.exit(2);
  }
}

const migrate = spawnSync(
  process.execPath,
  [join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
);
if (migrate.status !== 0) {
  console.error('fenceline: migrations failed (is PostgreSQL reachable at DATABASE_URL?)');
  process.exit(migrate.status ?? 1);
}

const children = ['api', 'worker'].map((app) =>
  spawn(process.execPath, [join(root, `dist/apps/${app}/main.js`)], { env, stdio: 'inherit' }),
);
let stopping = false;
const stop = (signal) => {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`fenceline: a process exited (code ${code}); stopping the other`);
      stop('SIGTERM');
      process.exitCode = code || 1;
    }
  });
}
const base = `http://127.0.0.1:${env.PORT ?? 3000}`;
console.log(`fenceline: API on ${base} (try /healthz, /docs); worker running. Ctrl-C stops both.`);
if (demo) {
  require('./demo')
    .runDemo(base, env)
    .catch((error) => {
      console.error(`fenceline: demo failed: ${error.message}`);
      stop('SIGTERM');
      process.exitCode = 1;
    });
}
