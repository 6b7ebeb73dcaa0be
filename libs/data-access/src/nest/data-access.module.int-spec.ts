import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Database } from '../database';
import { ClusterRepository } from '../clusters/cluster.repository';
import { newOrganization } from '../../test/test-database';
import { DataAccessModule, REPOSITORIES } from './data-access.module';

const databaseUrl =
  process.env['FENCELINE_TEST_DATABASE_URL'] ??
  'postgresql://postgres@127.0.0.1:5432/fenceline_test';
const CONFIG = Symbol('CONFIG');

describe('DataAccessModule.forRoot (PostgreSQL)', () => {
  it('provides one Database, every repository over it, and closes it on shutdown', async () => {
    const app = await NestFactory.createApplicationContext(
      DataAccessModule.forRoot({ databaseUrl }),
      { logger: false },
    );
    const db = app.get(Database);
    const close = jest.spyOn(db, 'close');
    for (const Repository of REPOSITORIES) expect(app.get(Repository)).toBeInstanceOf(Repository);
    // The repositories work on that database.
    const org = await newOrganization(db);
    const cluster = await app.get(ClusterRepository).create(org.id, {
      name: 'c1',
      environment: 'dev',
    });
    expect(await new ClusterRepository(db).get(org.id, cluster.id)).toMatchObject({ name: 'c1' });
    await app.close();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('takes the URL from a factory over another provider', async () => {
    const app = await NestFactory.createApplicationContext(
      {
        module: class Root {},
        providers: [{ provide: CONFIG, useValue: { url: databaseUrl } }],
        exports: [CONFIG],
        global: true,
        imports: [
          DataAccessModule.forRoot({
            useFactory: (config: { url: string }) => config.url,
            inject: [CONFIG],
          }),
        ],
      },
      { logger: false },
    );
    await expect(app.get(Database).ping()).resolves.toBeUndefined();
    await app.close();
  });
});
