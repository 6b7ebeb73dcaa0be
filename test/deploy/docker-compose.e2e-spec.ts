import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** Docker cannot run here: keep the compose file and Dockerfiles right by reading them. */
const ROOT = resolve(__dirname, '../..');

interface Service {
  build?: { context: string; dockerfile: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };

describe('docker-compose.yml', () => {
  it('runs postgres, redis, migrations, api and worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'migrate',
      'postgres',
      'redis',
      'worker',
    ]);
  });

  it('points api, worker and migrate at the database and Redis by service name', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      expect(compose.services[name]?.environment).toMatchObject({
        DATABASE_URL: 'postgresql://postgres@postgres:5432/fenceline',
        REDIS_URL: 'redis://redis:6379',
      });
    }
  });

  it('starts api and worker only after the migrations completed and Redis is healthy', () => {
    for (const name of ['api', 'worker']) {
      expect(compose.services[name]?.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  it('builds from Dockerfiles that exist and run the bundles the build produces', () => {
    for (const [name, bundle] of [
      ['api', 'dist/apps/api/main.js'],
      ['worker', 'dist/apps/worker/main.js'],
    ] as const) {
      const dockerfile = compose.services[name]?.build?.dockerfile as string;
      expect(existsSync(resolve(ROOT, dockerfile))).toBe(true);
      const text = readFileSync(resolve(ROOT, dockerfile), 'utf8');
      expect(text).toContain(`nx run ${name}:build`);
      expect(text).toContain(`CMD ["node", "${bundle}"]`);
      expect(text).toMatch(/^USER node$/m);
    }
  });
});
