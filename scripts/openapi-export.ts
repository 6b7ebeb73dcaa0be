// Writes the API's OpenAPI 3.1 document (apps/api/src/docs.ts) as JSON to the file named by the
// first argument, without PostgreSQL or Redis: Nest's preview mode registers the modules and
// controllers (all the document is read from) but instantiates no provider, so nothing connects.
// Bundled and run by scripts/generate-api-client.js (esbuild cannot emit decorator metadata,
// tools/esbuild-app.js handles that).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../apps/api/src/app.module';
import { loadConfig } from '../apps/api/src/config';
import { buildOpenApiDocument } from '../apps/api/src/docs';

async function main(): Promise<void> {
  const [out] = process.argv.slice(2);
  if (!out) throw new Error('usage: openapi-export <document.json>');
  // Never used for a connection (preview mode): they only satisfy the configuration's schema.
  const config = loadConfig({
    DATABASE_URL: 'postgresql://openapi-export@127.0.0.1:9/unused',
    REDIS_URL: 'redis://127.0.0.1:9',
    QUEUE_PREFIX: 'openapi-export',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forConfig(config), {
    preview: true,
    logger: false,
    abortOnError: false,
    bodyParser: false,
  });
  const document = buildOpenApiDocument(app);
  await app.close();
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `openapi-export: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
