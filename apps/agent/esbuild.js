#!/usr/bin/env node
'use strict';
// Bundles the agent and everything it imports into one file, so its image needs no
// node_modules: a small, read-only container. ws's optional native helpers stay external
// (ws falls back to JavaScript without them).
const { readFileSync, writeFileSync } = require('node:fs');
const esbuild = require('esbuild');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
};

/**
 * V8 keeps a script's source text for as long as the script lives: one byte per character when
 * every character is Latin-1, two bytes otherwise. esbuild escapes non-ASCII characters in code
 * (its default charset, `ascii`) but keeps comments as written, so a few typographic quotes in
 * undici's comments made the agent's 4 MB bundle an 8 MB string for the agent's whole life.
 * What is left beyond Latin-1 can only be in comments: each such UTF-16 unit becomes `?`
 * (one for one, so the source map's columns still hold).
 */
function latin1Source(file) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/[\u0100-\uffff]/g, '?'));
}

Promise.all([
  esbuild
    .build({
      ...common,
      entryPoints: ['apps/agent/src/main.ts'],
      outfile: 'dist/apps/agent/main.js',
    })
    .then(() => latin1Source('dist/apps/agent/main.js')),
  esbuild.build({
    ...common,
    entryPoints: ['apps/agent/bench/footprint.ts'],
    outfile: 'dist/apps/agent/bench-footprint.js',
  }),
]).catch(() => process.exit(1));
