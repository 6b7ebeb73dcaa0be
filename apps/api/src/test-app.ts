import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { bootstrapOrganization, Database } from '@fenceline/data-access';
import { AppModule } from './app.module';
import { loadConfig } from './config';
import { configureHttp } from './http-setup';

/** The API on the migrated test database (see libs/data-access/test/global-setup.js). */
export async function testApp(env: Record<string, string> = {}): Promise<{ app: INestApplication; db: Database; close(): Promise<void> }> {
  const databaseUrl = process.env['FENCELINE_TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/fenceline_test';
  const config = loadConfig({ DATABASE_URL: databaseUrl, ...env });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forConfig(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  configureHttp(app, config);
  await app.init();
  const db = new Database(databaseUrl);
  return { app, db, close: async () => { await app.close(); await db.close(); } };
}

/** A new organization and its admin key. */
export function newTenant(db: Database): Promise<{ organizationId: string; apiKey: string }> {
  return bootstrapOrganization(db, `api-test-${randomUUID()}`);
}
