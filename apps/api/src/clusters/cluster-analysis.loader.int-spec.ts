import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createSnapshot } from '@fenceline/contracts';
import {
  ClusterRepository,
  LatestAnalysisReader,
  SnapshotRepository,
} from '@fenceline/data-access';
import { buildInventory } from '@fenceline/netpol';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const gql = (key: string, query: string) =>
  request(env.app.getHttpServer())
    .post('/graphql')
    .set('Authorization', `Bearer ${key}`)
    .send({ query });

const LIST =
  '{ clusters { id name coverage { totalPods } connectivity { src dst conn } analysis { classCount } } }';

/** Stores a snapshot of the cluster and, unless `analysis` is null, its analysis. */
async function push(
  organizationId: string,
  clusterId: string,
  analysis: { pods: number; conn: string } | null,
): Promise<void> {
  const snapshots = new SnapshotRepository(env.db);
  const snapshot = createSnapshot(buildInventory([]), {
    collectedAt: new Date(),
    source: { type: 'manifests' },
  });
  const { snapshotId } = await snapshots.store(organizationId, clusterId, snapshot, randomUUID());
  if (analysis)
    await snapshots.saveAnalysis(organizationId, snapshotId, {
      classCount: analysis.pods,
      connectivity: [{ src: 'a/x[Deployment]', dst: 'b/y[Deployment]', conn: analysis.conn }],
      coverage: {
        totalPods: analysis.pods,
        ingressIsolatedPods: 0,
        egressIsolatedPods: 0,
        namespaces: [],
      },
    });
}

/**
 * A tenant with `n` clusters c0…c(n-1): each but the last analysed twice (the second, current
 * analysis has `pods` = 10 + i; the first, superseded one 1000 + i), the last never analysed.
 */
async function fleet(n: number): Promise<{ apiKey: string; organizationId: string }> {
  const tenant = await newTenant(env.db);
  const clusters = new ClusterRepository(env.db);
  for (let i = 0; i < n; i++) {
    const c = await clusters.create(tenant.organizationId, { name: `c${i}`, environment: 'dev' });
    if (i === n - 1) continue;
    await push(tenant.organizationId, c.id, { pods: 1000 + i, conn: 'TCP 1' });
    await push(tenant.organizationId, c.id, { pods: 10 + i, conn: `TCP ${8000 + i}` });
  }
  return tenant;
}

/** Counts every call to the methods of the app's own repository instances (they still run). */
function countRepositoryCalls(): { total(): number; of(name: string): number; restore(): void } {
  const spies: jest.SpyInstance[] = [];
  const calls = new Map<string, jest.SpyInstance>();
  for (const token of [ClusterRepository, SnapshotRepository, LatestAnalysisReader]) {
    const instance = env.app.get<object>(token, { strict: false });
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || typeof proto[name] !== 'function') continue;
      const spy = jest.spyOn(instance as Record<string, () => unknown>, name);
      spies.push(spy);
      calls.set(`${token.name}.${name}`, spy);
    }
  }
  return {
    total: () => spies.reduce((sum, s) => sum + s.mock.calls.length, 0),
    of: (name) => calls.get(name)?.mock.calls.length ?? 0,
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}

describe('GraphQL per-cluster fields are batched per request', () => {
  it('lists N clusters with coverage and connectivity in a number of reads that does not grow with N', async () => {
    const small = await fleet(2);
    const large = await fleet(7);
    const counted: number[] = [];
    for (const [tenant, n] of [
      [small, 2],
      [large, 7],
    ] as const) {
      const calls = countRepositoryCalls();
      try {
        const res = await gql(tenant.apiKey, LIST);
        expect(res.body.errors).toBeUndefined();
        const byName = new Map(
          (res.body.data.clusters as { name: string }[]).map((c) => [c.name, c]),
        );
        expect(byName.size).toBe(n);
        for (let i = 0; i < n - 1; i++)
          expect(byName.get(`c${i}`)).toMatchObject({
            coverage: { totalPods: 10 + i },
            connectivity: [
              { src: 'a/x[Deployment]', dst: 'b/y[Deployment]', conn: `TCP ${8000 + i}` },
            ],
          });
        expect(byName.get(`c${n - 1}`)).toMatchObject({ coverage: null, connectivity: null });
        // One batch for every cluster's analysis, no per-cluster lookups.
        expect(calls.of('LatestAnalysisReader.forClusters')).toBe(1);
        expect(calls.of('SnapshotRepository.latestAnalysis')).toBe(0);
        expect(calls.of('ClusterRepository.get')).toBe(0);
        counted.push(calls.total());
      } finally {
        calls.restore();
      }
    }
    expect(counted[1]).toBe(counted[0]);
    expect(counted[0]).toBeLessThanOrEqual(4);
  });

  it('reads nothing of another organization’s clusters', async () => {
    const owner = await fleet(2);
    const other = await newTenant(env.db);
    const ids = (await new ClusterRepository(env.db).list(owner.organizationId)).map((c) => c.id);
    const reader = new LatestAnalysisReader(env.db);
    expect((await reader.forClusters(owner.organizationId, ids)).size).toBe(1);
    expect((await reader.forClusters(other.organizationId, ids)).size).toBe(0);
  });
});
