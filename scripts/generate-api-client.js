#!/usr/bin/env node
'use strict';
// The CLI's API types from the API's own OpenAPI document: scripts/openapi-export.ts (bundled
// with tools/esbuild-app.js, run without PostgreSQL or Redis) writes the document, openapi-typescript
// turns it into `paths`, Prettier formats them as the repository does.
//
//   node scripts/generate-api-client.js            rewrite apps/cli/src/generated/fenceline-api.d.ts
//   node scripts/generate-api-client.js --check    exit 1 when that file is not what it would be
//   --out <file>       write the types there instead
//   --document <file>  where the OpenAPI JSON goes (default dist/openapi/fenceline-api.json)
//
// openapi-typescript is ESM-only and runs as a child process (its own CLI), never under jest.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const TYPES = 'apps/cli/src/generated/fenceline-api.d.ts';
const DOCUMENT = 'dist/openapi/fenceline-api.json';

function option(args, name, fallback) {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = args[at + 1];
  if (!value) throw new Error(`${name} needs a value`);
  return value;
}

/** The document, exported by a bundle of scripts/openapi-export.ts (packages stay external). */
function exportDocument(documentPath) {
  fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  // Inside the repository, so that the bundle resolves its packages from node_modules.
  const work = fs.mkdtempSync(path.join(root, 'tmp', 'openapi-export-'));
  try {
    const bundle = path.join(work, 'openapi-export.js');
    const run = (args) =>
      execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    run([path.join(root, 'tools/esbuild-app.js'), 'scripts/openapi-export.ts', bundle]);
    fs.mkdirSync(path.dirname(documentPath), { recursive: true });
    run([bundle, documentPath]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** `paths` and `operations` of the document, with our header, formatted as the checked-in file. */
async function typesOf(documentPath) {
  const cli = path.join(root, 'node_modules/openapi-typescript/bin/cli.js');
  const version = require(path.join(root, 'node_modules/openapi-typescript/package.json')).version;
  const generated = execFileSync(process.execPath, [cli, documentPath], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const header = [
    '// GENERATED, do not edit: the Fenceline REST API as openapi-typescript ' + version,
    '// reads the OpenAPI document of apps/api/src/docs.ts (scripts/openapi-export.ts).',
    '// Regenerate with `npx nx run cli:generate-api` (scripts/generate-api-client.js);',
    '// apps/cli/src/api/fenceline-api.int-spec.ts fails when this file is stale.',
    '',
  ].join('\n');
  const prettier = require('prettier');
  // The repository's options even when --out points elsewhere (a test's temporary folder).
  const filepath = path.join(root, TYPES);
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(header + generated, { ...options, filepath });
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const typesPath = path.resolve(root, option(args, '--out', TYPES));
  const documentPath = path.resolve(root, option(args, '--document', DOCUMENT));
  exportDocument(documentPath);
  const types = await typesOf(documentPath);
  if (check) {
    const current = fs.existsSync(typesPath) ? fs.readFileSync(typesPath, 'utf8') : '';
    if (current !== types) {
      process.stderr.write(
        `${path.relative(root, typesPath)} is stale: run npx nx run cli:generate-api\n`,
      );
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(typesPath), { recursive: true });
  fs.writeFileSync(typesPath, types);
  process.stderr.write(
    `${path.relative(root, documentPath)} → ${path.relative(root, typesPath)}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`generate-api-client: ${error.message}\n`);
  process.exit(1);
});
