#!/usr/bin/env node
'use strict';
// Bundles a NestJS app with esbuild. esbuild cannot emit decorator metadata, which Nest's
// dependency injection reads, so files that use decorators go through TypeScript's transpiler
// first (experimentalDecorators + emitDecoratorMetadata).
const esbuild = require('esbuild');
const ts = require('typescript');
const fs = require('node:fs');

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: esbuild-app.js <entry.ts> <outfile.js>');
  process.exit(2);
}

const decorators = {
  name: 'decorator-metadata',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!/^\s*@\w+/m.test(source)) return undefined;
      const { outputText } = ts.transpileModule(source, {
        fileName: args.path,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          sourceMap: false,
        },
      });
      return { contents: outputText, loader: 'js' };
    });
  },
};

esbuild
  .build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // Our code (apps and libs) is bundled; packages load from node_modules, so that every
    // package exists once (Nest's DI compares classes by identity) and keeps its own files.
    packages: 'external',
    plugins: [decorators],
    logLevel: 'warning',
    keepNames: true,
  })
  .catch(() => process.exit(1));
