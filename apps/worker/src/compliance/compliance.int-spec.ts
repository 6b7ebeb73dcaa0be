import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createSnapshot, snapshotContentHash } from '@fenceline/contracts';
import {
  bootstrapOrganization,
  ClusterRepository,
  ComplianceResultRepository,
  SnapshotRepository,
  WaiverRepository,
} from '@fenceline/data-access';
import { buildInventory, loadPaths } from '@fenceline/netpol';
import { testWorker } from '../../test/test-worker';
import { ComplianceService } from './compliance.service';

const STAGING = join(__dirname, '../../../../examples/staging/shop-staging');

let env: Awaited<ReturnType<typeof testWorker>>;
let worker: Awaited<ReturnType<typeof testWorker>>['worker'];
let db: Awaited<ReturnType<typeof testWorker>>['db'];
beforeAll(async () => {
  env = await testWorker();
  ({ worker, db } = env);
});
afterAll(() => env.close());

async function push(
  organizationId: string,
  clusterId: string,
  collectedAt: string,
): Promise<string> {
  const snapshot = createSnapshot(buildInventory(loadPaths([STAGING]).objects), {
    collectedAt,
    source: { type: 'cluster', cni: { name: 'calico', enforcesNetworkPolicy: true } },
  });
  return (
    await new SnapshotRepository(db).store(
      organizationId,
      clusterId,
      snapshot,
      `${snapshotContentHash(snapshot)}-${collectedAt}`,
    )
  ).snapshotId;
}

describe('compliance worker (PostgreSQL)', () => {
  it('records every framework per snapshot, applies approved waivers, and keeps history "as of"', async () => {
    const service = worker.get(ComplianceService);
    const { organizationId } = await bootstrapOrganization(db, `compliance-${randomUUID()}`);
    const cluster = await new ClusterRepository(db).create(organizationId, {
      name: 'shop-staging',
      environment: 'staging',
    });
    const t1 = new Date('2026-11-20T10:00:00Z');
    const first = await push(organizationId, cluster.id, t1.toISOString());
    const outcome = await service.evaluate({ organizationId, snapshotId: first }, t1);
    expect(outcome).toMatchObject({ evaluated: true, frameworks: 4 });
    expect(await service.evaluate({ organizationId, snapshotId: first }, t1)).toMatchObject({
      recorded: 0,
    });
    const results = new ComplianceResultRepository(db);
    const zt = await results.asOf(organizationId, cluster.id, 'zero-trust', t1);
    // shop-staging lacks its default deny: db's egress is not isolated (hand-checked against examples/staging).
    const zt2 = zt.find((r) => r.id === 'ZT-2')!;
    expect(zt2.status).toBe('fail');
    expect(JSON.stringify(zt2.evidence)).toContain('shop/db[StatefulSet]');
    expect(zt.find((r) => r.id === 'ZT-10')?.status).toBe('pass');

    // Unisolated egress in two namespaces (shop's db, monitoring's prometheus): a waiver for shop
    // alone leaves the control failing; one for monitoring too waives it.
    expect(JSON.stringify(zt2.evidence)).toContain('monitoring/prometheus[Deployment]');
    const waivers = new WaiverRepository(db);
    const waiver = (namespace: string) =>
      waivers.request(
        organizationId,
        {
          controlId: 'ZT-2',
          scope: { cluster: 'shop-staging', namespace },
          justification: 'egress isolated by the CNI until Q1',
          ticketUrl: 'https://jira.example.com/SEC-9',
          expiresAt: new Date('2027-01-01T00:00:00Z'),
        },
        { id: 'a', display: 'alice' },
        t1,
      );
    const requested = await waiver('shop');
    await waivers.approve(organizationId, requested.id, { id: 'b', display: 'bob' }, t1);
    const partly = await push(organizationId, cluster.id, '2026-11-20T18:00:00Z');
    await service.evaluate(
      { organizationId, snapshotId: partly },
      new Date('2026-11-20T18:00:00Z'),
    );
    expect(
      (
        await results.asOf(
          organizationId,
          cluster.id,
          'zero-trust',
          new Date('2026-11-20T18:00:00Z'),
        )
      ).find((r) => r.id === 'ZT-2')?.status,
    ).toBe('fail');
    const monitoring = await waiver('monitoring');
    await waivers.approve(organizationId, monitoring.id, { id: 'b', display: 'bob' }, t1);
    const t2 = new Date('2026-11-21T10:00:00Z');
    const second = await push(organizationId, cluster.id, t2.toISOString());
    await service.evaluate({ organizationId, snapshotId: second }, t2);
    expect(
      (await results.asOf(organizationId, cluster.id, 'zero-trust', t2)).find(
        (r) => r.id === 'ZT-2',
      )?.status,
    ).toBe('waived');
    expect(
      (
        await results.asOf(
          organizationId,
          cluster.id,
          'zero-trust',
          new Date('2026-11-20T12:00:00Z'),
        )
      ).find((r) => r.id === 'ZT-2')?.status,
    ).toBe('fail');
    expect((await waivers.get(organizationId, requested.id))?.lastUsedAt?.toISOString()).toBe(
      t2.toISOString(),
    );
    expect(
      (
        await results.trend(organizationId, {
          clusterId: cluster.id,
          framework: 'zero-trust',
          controlId: 'ZT-2',
        })
      ).map((p) => p.status),
    ).toEqual(['fail', 'fail', 'waived']);
  });
});
