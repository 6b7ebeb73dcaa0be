import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Offline: the Prisma CLI would download its native schema engine. This stand-in runs the same
// engine compiled to WebAssembly (see tools/prisma-schema-engine.js and the README).
process.env['PRISMA_SCHEMA_ENGINE_BINARY'] ??= path.join(
  __dirname,
  'tools',
  'prisma-schema-engine.js',
);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/fenceline',
  },
});
