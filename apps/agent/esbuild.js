#!/usr/bin/env node
'use strict';
// Bundles the agent and everything it imports into one file, so its image needs no
// node_modules: a small, read-only container. ws's optional native helpers stay external
// (ws falls back to JavaScript without them).
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

Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['apps/agent/src/main.ts'],
    outfile: 'dist/apps/agent/main.js',
  }),
  esbuild.build({
    ...common,
    entryPoints: ['apps/agent/bench/footprint.ts'],
    outfile: 'dist/apps/agent/bench-footprint.js',
  }),
]).catch(() => process.exit(1));
