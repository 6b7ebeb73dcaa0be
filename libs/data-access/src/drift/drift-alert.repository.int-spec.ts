import { BaselineRepository } from '../baselines/baseline.repository';
import { ClusterRepository } from '../clusters/cluster.repository';
import { newOrganization, testDatabase } from '../../test/test-database';
import { ConnectivityReferenceRepository } from './connectivity-reference.repository';
import { DriftAlertRepository, type FindingInput } from './drift-alert.repository';
import { SnapshotRepository } from '../snapshots/snapshot.repository';

const db = testDatabase();
afterAll(() => db.close());

const finding = (subject: string, severity: FindingInput['severity'] = 'high'): FindingInput => ({
  kind: 'path-widened',
  severity,
  subject,
  fingerprint: `fp-${subject}`,
  evidence: { rows: [subject] },
});

async function setup() {
  const org = await newOrganization(db);
  const cluster = await new ClusterRepository(db).create(org.id, {
    name: 'prod-eu',
    environment: 'prod',
  });
  const baseline = await new BaselineRepository(db).create(org.id, 'shop');
  const { version } = await new BaselineRepository(db).addVersion(org.id, baseline.id, {
    content: { policies: [], guardrails: [] },
    contentHash: 'h',
    author: 'a',
    message: 'm',
  });
  const snapshot = (n: number) =>
    new SnapshotRepository(db).store(
      org.id,
      cluster.id,
      {
        apiVersion: 'fenceline.dev/v1alpha1',
        kind: 'InventorySnapshot',
        schemaVersion: 1,
        collectedAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
        source: { type: 'cluster' },
        namespaces: [{ name: `ns${n}`, labels: {} }],
        pods: [],
        policies: [],
        services: [],
        exposures: [],
        ignoredKinds: {},
      },
      `hash-${n}`,
    );
  return { org, cluster, baseline, version, snapshot };
}

describe('DriftAlertRepository', () => {
  const repo = new DriftAlertRepository(db);

  it('opens, deduplicates, resolves and reopens alerts by fingerprint', async () => {
    const { org, cluster, baseline, version, snapshot } = await setup();
    const s1 = await snapshot(1);
    const base = { clusterId: cluster.id, baselineId: baseline.id, baselineVersionId: version.id };
    const first = await repo.reconcile(org.id, {
      ...base,
      snapshotId: s1.snapshotId,
      findings: [finding('shop → payments', 'critical'), finding('External → shop')],
    });
    expect([first.opened.length, first.resolved.length, first.reopened.length]).toEqual([2, 0, 0]);
    const s2 = await snapshot(2);
    const second = await repo.reconcile(org.id, {
      ...base,
      snapshotId: s2.snapshotId,
      findings: [finding('shop → payments', 'critical')],
    });
    expect([
      second.opened.length,
      second.resolved.map((a) => a.subject),
      second.reopened.length,
    ]).toEqual([0, ['External → shop'], 0]);
    const open = await repo.list(org.id, { status: 'open' });
    expect(
      open.map((a) => [
        a.subject,
        a.severity,
        a.lastSnapshotId,
        a.environment,
        a.baselineName,
        a.baselineVersion,
      ]),
    ).toEqual([['shop → payments', 'critical', s2.snapshotId, 'prod', 'shop', 1]]);
    const acked = await repo.acknowledge(org.id, open[0]!.id, {
      actor: 'alice',
      comment: 'known, ticket SEC-1',
    });
    expect(acked).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'alice',
      acknowledgeComment: 'known, ticket SEC-1',
    });
    const s3 = await snapshot(3);
    const third = await repo.reconcile(org.id, {
      ...base,
      snapshotId: s3.snapshotId,
      findings: [finding('shop → payments', 'critical'), finding('External → shop')],
    });
    expect(third.reopened.map((a) => [a.subject, a.status, a.reopenCount])).toEqual([
      ['External → shop', 'open', 1],
    ]);
    expect((await repo.get(org.id, acked.id))?.status).toBe('acknowledged');
    await expect(
      repo.acknowledge(org.id, second.resolved[0]!.id, { actor: 'a', comment: 'c' }),
    ).resolves.toMatchObject({ status: 'acknowledged' });
    const resolvedAll = await repo.reconcile(org.id, {
      ...base,
      snapshotId: s3.snapshotId,
      findings: [],
    });
    expect(resolvedAll.resolved.map((a) => a.subject).sort()).toEqual([
      'External → shop',
      'shop → payments',
    ]);
    await expect(
      repo.acknowledge(org.id, acked.id, { actor: 'a', comment: 'c' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      await repo.list(org.id, { severity: 'critical', environment: 'prod', clusterId: cluster.id }),
    ).toHaveLength(1);
    expect(await repo.list(org.id, { environment: 'dev' })).toEqual([]);
  });

  it('keeps references per cluster and baseline, auditing accepted moves', async () => {
    const { org, cluster, baseline, version, snapshot } = await setup();
    const refs = new ConnectivityReferenceRepository(db);
    const s1 = await snapshot(1);
    await refs.set(org.id, {
      clusterId: cluster.id,
      baselineId: baseline.id,
      baselineVersionId: version.id,
      snapshotId: s1.snapshotId,
      rows: [{ src: 'a/x[Deployment]', dst: 'b/y[Deployment]', conn: 'TCP 80' }],
      acceptedBy: 'system',
    });
    expect((await refs.get(org.id, cluster.id, baseline.id))?.rows).toEqual([
      { src: 'a/x[Deployment]', dst: 'b/y[Deployment]', conn: 'TCP 80' },
    ]);
    await refs.set(
      org.id,
      {
        clusterId: cluster.id,
        baselineId: baseline.id,
        baselineVersionId: version.id,
        snapshotId: s1.snapshotId,
        rows: [],
        acceptedBy: 'alice',
      },
      { action: 'reference.accepted', comment: 'intended' },
    );
    const events = await db.prisma.auditEvent.findMany({ where: { organizationId: org.id } });
    expect(events.map((e) => [e.action, e.actor, e.after])).toEqual([
      ['reference.accepted', 'alice', { snapshotId: s1.snapshotId, rows: 0, comment: 'intended' }],
    ]);
  });
});
