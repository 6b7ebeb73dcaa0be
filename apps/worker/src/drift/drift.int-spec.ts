import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import {
  auditActionSchema,
  auditActorSchema,
  createSnapshot,
  QUEUES,
  snapshotContentHash,
} from '@fenceline/contracts';
import {
  AuditEventRepository,
  BaselineRepository,
  bootstrapOrganization,
  ClusterRepository,
  ConnectivityReferenceRepository,
  DriftAlertRepository,
  PromotionRepository,
  SnapshotRepository,
} from '@fenceline/data-access';
import { baselineContentHash, loadBaselineDir, type BaselineContent } from '@fenceline/drift';
import { buildInventory, loadPaths } from '@fenceline/netpol';
import { testWorker, TEST_REDIS_URL } from '../../test/test-worker';
import { DriftService } from './drift.service';

const EXAMPLES = join(__dirname, '../../../../examples');

let env: Awaited<ReturnType<typeof testWorker>>;
let worker: Awaited<ReturnType<typeof testWorker>>['worker'];
let db: Awaited<ReturnType<typeof testWorker>>['db'];
beforeAll(async () => {
  env = await testWorker();
  ({ worker, db } = env);
});
afterAll(() => env.close());

/** Stores the manifests of `dir` as the cluster's newest snapshot. */
async function push(organizationId: string, clusterId: string, dir: string): Promise<string> {
  const snapshot = createSnapshot(buildInventory(loadPaths([dir]).objects), {
    collectedAt: new Date(),
    source: { type: 'manifests' },
  });
  return (
    await new SnapshotRepository(db).store(
      organizationId,
      clusterId,
      snapshot,
      snapshotContentHash(snapshot),
    )
  ).snapshotId;
}

async function publishedEvents(): Promise<string[]> {
  const queue = new Queue(QUEUES.notify, {
    connection: { url: TEST_REDIS_URL },
    prefix: env.prefix,
  });
  const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed']);
  await queue.close();
  return jobs
    .map(
      (j) =>
        `${(j.data as { type: string }).type} ${(j.data as { data: { subject: string } }).data.subject}`,
    )
    .sort();
}

describe('drift worker (PostgreSQL, BullMQ on Redis)', () => {
  it('sets the reference when a version applies, opens, deduplicates and resolves alerts, and skips stale snapshots', async () => {
    const service = worker.get(DriftService);
    const { organizationId } = await bootstrapOrganization(db, `drift-${randomUUID()}`);
    const cluster = await new ClusterRepository(db).create(organizationId, {
      name: 'prod-eu',
      environment: 'prod',
    });
    const dir = mkdtempSync(join(tmpdir(), 'drift-'));
    cpSync(join(EXAMPLES, 'dev/shop-dev'), dir, { recursive: true });
    const first = await push(organizationId, cluster.id, dir);
    expect(
      await service.evaluate({ organizationId, snapshotId: first, reason: 'test' }),
    ).toMatchObject({ evaluated: true, baselines: 0 });

    const content = loadBaselineDir(join(EXAMPLES, 'baselines/shop')).content as BaselineContent;
    const baselines = new BaselineRepository(db);
    const baseline = await baselines.create(organizationId, 'shop');
    const { version } = await baselines.addVersion(organizationId, baseline.id, {
      content,
      contentHash: baselineContentHash(content),
      author: 'test',
      message: 'v1',
    });
    const promotions = new PromotionRepository(db);
    const prod = await promotions.environment(organizationId, 'prod');
    await db.prisma.environmentPin.create({
      data: {
        organizationId,
        environmentId: prod.id,
        baselineId: baseline.id,
        baselineVersionId: version.id,
        pinnedBy: 'test',
      },
    });

    expect(await service.evaluate({ organizationId, snapshotId: first, reason: 'test' })).toEqual({
      evaluated: true,
      baselines: 1,
      opened: 0,
      reopened: 0,
      resolved: 0,
      open: 0,
    });
    // Set by the worker, named in the documented format (system:<component>, past tense).
    const set = (await new AuditEventRepository(db).list(organizationId)).filter(
      (e) => e.action === 'reference.set',
    );
    expect(set).toEqual([
      expect.objectContaining({
        actor: 'system:drift',
        target: `cluster/${cluster.id}/baseline/${baseline.id}/reference`,
        after: { snapshotId: first, rows: expect.any(Number), version: 1 },
      }),
    ]);
    expect(auditActorSchema.safeParse(set[0]?.actor).success).toBe(true);
    expect(auditActionSchema.safeParse(set[0]?.action).success).toBe(true);
    expect(
      await new ConnectivityReferenceRepository(db).get(organizationId, cluster.id, baseline.id),
    ).toMatchObject({ acceptedBy: 'system:drift', baselineVersionId: version.id });

    // web's pods relabelled app=db: monitoring reaches them on 9187, into the sensitive scope.
    const workloads = join(dir, 'shop/workloads.yaml');
    const original = readFileSync(workloads, 'utf8');
    writeFileSync(
      workloads,
      original.replace('metadata: { labels: { app: web } }', 'metadata: { labels: { app: db } }'),
    );
    const relabelled = await push(organizationId, cluster.id, dir);
    const opened = await service.evaluate({
      organizationId,
      snapshotId: relabelled,
      reason: 'test',
    });
    expect(opened).toMatchObject({ evaluated: true, opened: 1, resolved: 0 });
    const alerts = new DriftAlertRepository(db);
    expect(
      (await alerts.list(organizationId)).map((a) => [a.kind, a.severity, a.subject, a.status]),
    ).toEqual([['connectivity-widened', 'critical', 'monitoring → shop', 'open']]);
    // The same snapshot again: the same alert, nothing new.
    expect(
      await service.evaluate({ organizationId, snapshotId: relabelled, reason: 'retry' }),
    ).toMatchObject({ opened: 0, reopened: 0, resolved: 0, open: 1 });
    // The older snapshot, evaluated late, must not resolve what the newer one found.
    expect(
      await service.evaluate({ organizationId, snapshotId: first, reason: 'late' }),
    ).toMatchObject({ evaluated: false });

    writeFileSync(workloads, original);
    const fixed = await push(organizationId, cluster.id, dir);
    expect(fixed).toBe(first);
    expect(
      await service.evaluate({ organizationId, snapshotId: fixed, reason: 'revived' }),
    ).toMatchObject({ evaluated: true, resolved: 1, open: 0 });
    expect((await alerts.list(organizationId)).map((a) => a.status)).toEqual(['resolved']);
    expect(await publishedEvents()).toEqual([
      'alert.opened monitoring → shop',
      'alert.resolved monitoring → shop',
    ]);
  });
  it('sees cluster-scoped policies: an Admin Allow over shop opens alerts, removing it resolves them', async () => {
    const service = worker.get(DriftService);
    const { organizationId } = await bootstrapOrganization(db, `drift-${randomUUID()}`);
    const cluster = await new ClusterRepository(db).create(organizationId, {
      name: 'prod-us',
      environment: 'prod',
    });
    const dir = mkdtempSync(join(tmpdir(), 'drift-'));
    cpSync(join(EXAMPLES, 'dev/shop-dev'), dir, { recursive: true });
    const content = loadBaselineDir(join(EXAMPLES, 'baselines/shop')).content as BaselineContent;
    const baselines = new BaselineRepository(db);
    const baseline = await baselines.create(organizationId, 'shop');
    const { version } = await baselines.addVersion(organizationId, baseline.id, {
      content,
      contentHash: baselineContentHash(content),
      author: 'test',
      message: 'v1',
    });
    const prod = await new PromotionRepository(db).environment(organizationId, 'prod');
    await db.prisma.environmentPin.create({
      data: {
        organizationId,
        environmentId: prod.id,
        baselineId: baseline.id,
        baselineVersionId: version.id,
        pinnedBy: 'test',
      },
    });
    const first = await push(organizationId, cluster.id, dir);
    expect(
      await service.evaluate({ organizationId, snapshotId: first, reason: 'test' }),
    ).toMatchObject({
      evaluated: true,
      opened: 0,
    });

    // The Admin tier accepts everything from team=obs into shop before shop's NetworkPolicies
    // (which admit monitoring on TCP 9187 into db only): prometheus now reaches web and db on
    // every port. Its subject selects shop, in scope; the baseline does not hold it.
    const anp = join(dir, 'cluster-policies.yaml');
    writeFileSync(
      anp,
      [
        'apiVersion: policy.networking.k8s.io/v1alpha1',
        'kind: AdminNetworkPolicy',
        'metadata: { name: obs-everywhere }',
        'spec:',
        '  priority: 1',
        '  subject: { namespaces: { matchLabels: { team: shop } } }',
        '  ingress: [{ action: Allow, from: [{ namespaces: { matchLabels: { team: obs } } }] }]',
        '',
      ].join('\n'),
    );
    const opened = await push(organizationId, cluster.id, dir);
    expect(
      await service.evaluate({ organizationId, snapshotId: opened, reason: 'test' }),
    ).toMatchObject({
      opened: 3,
    });
    const alerts = new DriftAlertRepository(db);
    expect(
      (await alerts.list(organizationId))
        .map((a) => `${a.severity} ${a.kind} ${a.subject} ${a.status}`)
        .sort(),
    ).toEqual([
      'critical connectivity-widened monitoring → shop open',
      'critical path-widened monitoring → shop open',
      'medium policy-unknown AdminNetworkPolicy obs-everywhere open',
    ]);

    rmSync(anp);
    const fixed = await push(organizationId, cluster.id, dir);
    expect(fixed).toBe(first);
    expect(
      await service.evaluate({ organizationId, snapshotId: fixed, reason: 'fixed' }),
    ).toMatchObject({
      resolved: 3,
      open: 0,
    });
  });
});
