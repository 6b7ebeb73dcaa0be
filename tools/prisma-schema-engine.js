#!/usr/bin/env node
'use strict';
/*
 * An offline stand-in for Prisma's native `schema-engine` binary, built on the same engine
 * compiled to WebAssembly (@prisma/schema-engine-wasm) and the pg driver adapter. The Prisma CLI
 * spawns it as `<bin> [--datamodels FILE]... --datasource '{"url":...}' [cli <command>]` and
 * speaks JSON-RPC 2.0 over stdin/stdout, one JSON object per line.
 */
const fs = require('node:fs');
const readline = require('node:readline');
const pg = require('pg');

// adapter-pg rejects some catalog types the engine reads during introspection ("char", ...):
// hand them over as text.
const AS_TEXT = new Set([18, 22, 24, 28, 30, 194, 1034, 2205, 2206, 3361, 3402]);
function asText(res) {
  for (const [i, field] of (res?.fields ?? []).entries()) {
    if (!AS_TEXT.has(field.dataTypeID)) continue;
    field.dataTypeID = 25;
    for (const row of res.rows) {
      if (Array.isArray(row)) row[i] = row[i] == null ? row[i] : String(row[i]);
      else if (row[field.name] != null) row[field.name] = String(row[field.name]);
    }
  }
  return res;
}
for (const Queryable of [pg.Client, pg.Pool]) {
  const originalQuery = Queryable.prototype.query;
  Queryable.prototype.query = function query(...args) {
    const result = originalQuery.apply(this, args);
    return result && typeof result.then === 'function' ? result.then(asText) : result;
  };
}

const { PrismaPg } = require('@prisma/adapter-pg');
const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');

/** Instantiates the bundler-style wasm-bindgen package by hand (Node cannot import `.wasm`). */
async function loadEngine() {
  const path = require('node:path');
  const { pathToFileURL } = require('node:url');
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bindings = await import(pathToFileURL(path.join(dir, 'schema_engine_bg.js')).href);
  const bytes = fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bindings;
}

function parseArgs(argv) {
  const datamodels = [];
  let datasource;
  let cli;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--datamodels' || argv[i] === '--datamodel') datamodels.push(argv[++i]);
    else if (argv[i] === '--datasource') datasource = JSON.parse(argv[++i]);
    else if (argv[i] === 'cli') cli = argv.slice(i + 1);
  }
  return { datamodels, datasource, cli };
}

function log(level, message) {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message }, target: 'schema_engine_wasm_shim' })}\n`,
  );
}

/**
 * adapter-pg runs a script by splitting it on `;`, which breaks functions and `DO` blocks in
 * migrations; PostgreSQL's simple query protocol runs a whole script at once.
 */
function wholeScripts(adapter) {
  adapter.executeScript = async function executeScript(script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  return adapter;
}

/** The pg adapter, with a shadow database whose pool is closed before it is dropped. */
function adapterFactory(url) {
  const base = new PrismaPg({ connectionString: url });
  const factory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => wholeScripts(await base.connect()),
  };
  const connectToShadowDb = async () => {
    const main = await factory.connect();
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${name}`;
    const shadow = wholeScripts(
      await new PrismaPg({ connectionString: shadowUrl.toString() }).connect(),
    );
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await main.dispose();
    };
    return shadow;
  };
  return { ...factory, connectToShadowDb };
}

async function oneShot(command, url) {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: command === 'can-connect-to-database' ? url : admin.toString(),
  });
  try {
    await client.connect();
    if (command === 'create-database') {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0)
        await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    } else if (command === 'drop-database') {
      await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
    } else if (command !== 'can-connect-to-database')
      throw new Error(`unknown cli command ${command}`);
    return 0;
  } catch (error) {
    // The CLI skips the first stderr line, then reads `schema_engine::logger` errors with a
    // Prisma error code: P1003 makes `migrate dev` create the database.
    const code =
      error.code === '3D000' ? 'P1003' : error.code === 'ECONNREFUSED' ? 'P1001' : 'P1000';
    process.stderr.write(
      `${JSON.stringify({ level: 'INFO', fields: { message: 'schema engine (wasm)' }, target: 'schema_engine_wasm_shim' })}\n`,
    );
    process.stderr.write(
      `${JSON.stringify({ timestamp: new Date().toISOString(), level: 'ERROR', fields: { message: error.message, error_code: code }, target: 'schema_engine::logger' })}\n`,
    );
    return 1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const { datamodels, datasource, cli } = parseArgs(process.argv.slice(2));
  const url = datasource?.url ?? process.env.DATABASE_URL;
  if (cli) process.exit(await oneShot(cli[0], url));
  const models = datamodels.map((file) => [file, fs.readFileSync(file, 'utf8')]);
  let pending = 0;
  let nextClientId = 1;
  const waiting = new Map();
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  const wasm = await loadEngine();
  const engine = await wasm.SchemaEngine.new(
    { datamodels: models.length ? models : undefined },
    (line) => process.stderr.write(`${line}\n`),
    bindMigrationAwareSqlAdapterFactory(adapterFactory(url)),
  );
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', async (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined && waiting.has(message.id)) {
      waiting.get(message.id)(message);
      waiting.delete(message.id);
      return;
    }
    pending++;
    try {
      const params = Array.isArray(message.params) ? message.params[0] : message.params;
      if (typeof engine[message.method] !== 'function')
        throw Object.assign(new Error(`method not found: ${message.method}`), { rpc: -32601 });
      if (message.method === 'evaluateDataLoss' && params?.migrationsList) {
        await engine
          .diagnoseMigrationHistory({
            migrationsList: params.migrationsList,
            optInToShadowDatabase: true,
            filters: params.filters ?? { externalTables: [], externalEnums: [] },
          })
          .catch(() => undefined);
      }
      let result = await engine[message.method](params);
      if (message.method === 'diff' && result && typeof result === 'object' && 'stdout' in result) {
        // The binary prints diffs through a `print` request to the CLI.
        const id = nextClientId++;
        await new Promise((resolve) => {
          waiting.set(id, resolve);
          send({ jsonrpc: '2.0', id, method: 'print', params: { content: result.stdout } });
        });
        result = { exitCode: result.exitCode ?? 0 };
      }
      send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
    } catch (error) {
      const data =
        error?.meta || error?.error_code
          ? error
          : { message: String(error?.message ?? error), is_panic: false };
      send({
        jsonrpc: '2.0',
        id: message.id,
        error: {
          code: error?.rpc ?? 4466,
          message: 'An error happened. Check the data field for details.',
          data,
        },
      });
    } finally {
      pending--;
    }
  });
  rl.on('close', () => {
    const wait = () => (pending > 0 ? setTimeout(wait, 10) : process.exit(0));
    wait();
  });
}

main().catch((error) => {
  log('ERROR', error?.stack ?? String(error));
  process.exit(1);
});
