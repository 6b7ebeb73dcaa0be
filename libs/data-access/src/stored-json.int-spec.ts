import { randomBytes, randomUUID } from 'node:crypto';
import { createSnapshot, createWebhookEvent } from '@fenceline/contracts';
import { buildInventory } from '@fenceline/netpol';
import { AuditEventRepository } from './audit/audit-event.repository';
import { BaselineRepository } from './baselines/baseline.repository';
import { PromotionRepository } from './baselines/promotion.repository';
import { ClusterRepository } from './clusters/cluster.repository';
import { ComplianceResultRepository } from './compliance/compliance-result.repository';
import { EvidencePackRepository } from './compliance/evidence-pack.repository';
import { WaiverRepository, type WaiverScope } from './compliance/waiver.repository';
import { CorruptDataError } from './data-access-error';
import { ConnectivityReferenceRepository } from './drift/connectivity-reference.repository';
import { DriftAlertRepository } from './drift/drift-alert.repository';
import { OrganizationRepository } from './organizations/organization.repository';
import { LatestAnalysisReader } from './snapshots/latest-analyses';
import { SnapshotRepository } from './snapshots/snapshot.repository';
import { isCorruptData } from './snapshots/snapshot-inventory';
import { SecretBox } from './webhooks/secret-box';
import { WebhookRepository } from './webhooks/webhook.repository';
import { newOrganization, testDatabase } from '../test/test-database';

const db = testDatabase();
afterAll(() => db.close());

const actor = { id: randomUUID(), display: 'api-key:00000000-0000-4000-8000-00000000000a (eve)' };
const rows = [{ src: 'shop/web[Deployment]', dst: 'shop/db[StatefulSet]', conn: 'TCP 5432' }];
const coverage = {
  totalPods: 2,
  ingressIsolatedPods: 1,
  egressIsolatedPods: 0,
  namespaces: [{ namespace: 'shop', totalPods: 2, ingressIsolatedPods: 1, egressIsolatedPods: 0 }],
};
const preview = (clusterId: string) => ({
  clusterId,
  clusterName: 'prod-eu',
  snapshotId: null,
  connectivity: [],
  newlyFailingGuardrails: [],
});
const policy = (name: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name },
  spec: { podSelector: {} },
});

/**
 * One organization holding two rows of every aggregate with a JSON column, each written through
 * its repository: `a` is the row a test corrupts, `b` its neighbour that must stay readable.
 */
async function tenant() {
  const org = await newOrganization(db);
  const clusters = new ClusterRepository(db);
  const a = await clusters.create(org.id, {
    name: 'prod-eu',
    environment: 'prod',
    labels: { team: 'shop' },
  });
  const b = await clusters.create(org.id, { name: 'prod-us', environment: 'prod' });
  const snapshots = new SnapshotRepository(db);
  const snapshotOf = async (clusterId: string) => {
    const snapshot = createSnapshot(buildInventory([]), {
      collectedAt: '2026-11-26T00:00:00Z',
      source: { type: 'cluster' },
    });
    const { snapshotId } = await snapshots.store(org.id, clusterId, snapshot, randomUUID());
    await snapshots.saveAnalysis(org.id, snapshotId, {
      classCount: 2,
      connectivity: rows,
      coverage,
      findings: [{ code: 'NAMED_PORT_WITHOUT_PODS', path: 'spec.ingress[0]', message: 'm' }],
    });
    return snapshotId;
  };
  const snapshotA = await snapshotOf(a.id);
  const snapshotB = await snapshotOf(b.id);
  const baselines = new BaselineRepository(db);
  const baseline = await baselines.create(org.id, 'shop');
  const version = async (n: number) =>
    (
      await baselines.addVersion(org.id, baseline.id, {
        content: {
          scope: { namespaceSelector: {} },
          sensitive: { namespaceSelector: { matchLabels: { pci: 'true' } } },
          policies: [policy(`p${n}`)],
          guardrails: [{ type: 'deny', name: `g${n}`, from: {}, to: { cidr: '0.0.0.0/0' } }],
        },
        contentHash: `h${n}`,
        author: actor.display,
        message: `v${n}`,
      })
    ).version;
  const v1 = await version(1);
  const v2 = await version(2);
  return { org, a, b, snapshotA, snapshotB, baseline, v1, v2 };
}

type Tenant = Awaited<ReturnType<typeof tenant>>;

/** A waiver of ZT-1 for a day, requested by {@link actor}. */
const waiver = (organizationId: string, scope: WaiverScope) =>
  new WaiverRepository(db).request(
    organizationId,
    {
      controlId: 'ZT-1',
      scope,
      justification: 'migrating',
      ticketUrl: 'https://jira.example.com/SEC-7',
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    actor,
  );

/** A JSON column: how to make its two rows, read each back, and what no schema accepts there. */
interface Column {
  readonly table: string;
  readonly field: string;
  /** The primary key column (`id` but for SnapshotAnalysis). */
  readonly key?: string;
  /** A value of the column's JSON type that is off its schema. */
  readonly corrupt: unknown;
  /** The detail the error names (the path inside the value and why). */
  readonly detail: RegExp;
  rows(t: Tenant): Promise<{ a: string; b: string; read(id: string): Promise<unknown> }>;
}

const COLUMNS: Column[] = [
  {
    table: 'Cluster',
    field: 'labels',
    corrupt: { team: 7 },
    detail: /labels \(team: .*string/,
    rows: async (t) => ({
      a: t.a.id,
      b: t.b.id,
      read: (id) => new ClusterRepository(db).get(t.org.id, id),
    }),
  },
  {
    table: 'Organization',
    field: 'complianceSettings',
    corrupt: ['cde'],
    detail: /complianceSettings \(.*expected record/,
    rows: async (t) => {
      const other = await newOrganization(db);
      return {
        a: t.org.id,
        b: other.id,
        read: (id) => new OrganizationRepository(db).complianceSettings(id),
      };
    },
  },
  ...(['connectivity', 'coverage', 'findings'] as const).map((field): Column => ({
    table: 'SnapshotAnalysis',
    field,
    key: 'snapshotId',
    corrupt: { connectivity: [{ src: 'a' }], coverage: { totalPods: -1 }, findings: [7] }[field],
    detail: {
      connectivity: /connectivity \(\[0\]\.dst: /,
      coverage: /coverage \(totalPods: /,
      findings: /findings \(\[0\]: /,
    }[field],
    rows: async (t) => ({
      a: t.snapshotA,
      b: t.snapshotB,
      read: async (snapshotId) => {
        const clusterId = snapshotId === t.snapshotA ? t.a.id : t.b.id;
        const one = await new SnapshotRepository(db).latestAnalysis(t.org.id, clusterId);
        const many = await new LatestAnalysisReader(db).forClusters(t.org.id, [clusterId]);
        expect(many.get(clusterId)).toEqual(one);
        return one;
      },
    }),
  })),
  {
    table: 'ConnectivityReference',
    field: 'rows',
    corrupt: [{ src: 'a', dst: 'b', conn: 80 }],
    detail: /rows \(\[0\]\.conn: /,
    rows: async (t) => {
      const refs = new ConnectivityReferenceRepository(db);
      const other = await new BaselineRepository(db).create(t.org.id, 'other');
      const set = async (baselineId: string, baselineVersionId: string) => {
        await refs.set(t.org.id, {
          clusterId: t.a.id,
          baselineId,
          baselineVersionId,
          snapshotId: t.snapshotA,
          rows,
          acceptedBy: 'system:drift',
        });
        const row = await db.prisma.connectivityReference.findFirstOrThrow({
          where: { clusterId: t.a.id, baselineId },
        });
        return row.id;
      };
      const a = await set(t.baseline.id, t.v1.id);
      const b = await set(other.id, t.v1.id);
      return {
        a,
        b,
        read: async (id) => {
          const row = await db.prisma.connectivityReference.findUniqueOrThrow({ where: { id } });
          return refs.get(t.org.id, row.clusterId, row.baselineId);
        },
      };
    },
  },
  ...(['policies', 'guardrails', 'scope', 'sensitive'] as const).map((field): Column => ({
    table: 'BaselineVersion',
    field,
    corrupt: { policies: [[]], guardrails: {}, scope: 'all', sensitive: [] }[field],
    detail: new RegExp(`${field} \\(`),
    rows: async (t) => ({
      a: t.v1.id,
      b: t.v2.id,
      read: (id) => new BaselineRepository(db).versionById(t.org.id, id),
    }),
  })),
  {
    table: 'Promotion',
    field: 'preview',
    corrupt: [{ clusterId: 'c' }],
    detail: /preview \(\[0\]\.clusterName: /,
    rows: async (t) => {
      const promotions = new PromotionRepository(db);
      const [, staging, prod] = await promotions.environments(t.org.id);
      const request = async (environmentId: string) =>
        (
          await promotions.request(
            t.org.id,
            {
              baselineVersionId: t.v1.id,
              environmentId,
              requestedBy: actor.id,
              isRollback: false,
              preview: [preview(t.a.id)],
            },
            actor,
          )
        ).id;
      return {
        a: await request(staging!.id),
        b: await request(prod!.id),
        read: (id) => promotions.get(t.org.id, id),
      };
    },
  },
  {
    table: 'DriftAlert',
    field: 'details',
    corrupt: 'widened',
    detail: /details \(.*expected record/,
    rows: async (t) => {
      const alerts = new DriftAlertRepository(db);
      const finding = (subject: string) => ({
        kind: 'path-widened',
        severity: 'high' as const,
        subject,
        fingerprint: `fp-${subject}`,
        evidence: { rows: [subject] },
      });
      const { opened } = await alerts.reconcile(t.org.id, {
        clusterId: t.a.id,
        baselineId: t.baseline.id,
        baselineVersionId: t.v1.id,
        snapshotId: t.snapshotA,
        findings: [finding('x'), finding('y')],
      });
      return { a: opened[0]!.id, b: opened[1]!.id, read: (id) => alerts.get(t.org.id, id) };
    },
  },
  {
    table: 'ComplianceResult',
    field: 'evidence',
    corrupt: [{ status: 'fail' }, 'web'],
    detail: /evidence \(\[1\]: /,
    rows: async (t) => {
      const results = new ComplianceResultRepository(db);
      for (const [clusterId, snapshotId] of [
        [t.a.id, t.snapshotA],
        [t.b.id, t.snapshotB],
      ] as const)
        await results.record(t.org.id, {
          clusterId,
          snapshotId,
          framework: 'zero-trust',
          frameworkVersion: '1.0',
          results: [{ id: 'ZT-1', status: 'fail', score: 0, evidence: [{ status: 'fail' }] }],
        });
      const idOf = async (clusterId: string) =>
        (await db.prisma.complianceResult.findFirstOrThrow({ where: { clusterId } })).id;
      return {
        a: await idOf(t.a.id),
        b: await idOf(t.b.id),
        read: async (id) => {
          const row = await db.prisma.complianceResult.findUniqueOrThrow({ where: { id } });
          return results.asOf(t.org.id, row.clusterId, 'zero-trust');
        },
      };
    },
  },
  {
    table: 'Exception',
    field: 'scope',
    corrupt: { cluster: ['prod-eu'] },
    detail: /scope \(cluster: /,
    rows: async (t) => {
      const scope = (namespace: string) => ({
        cluster: 'prod-eu',
        namespace,
        workloadLabels: { app: 'web' },
      });
      return {
        a: (await waiver(t.org.id, scope('legacy'))).id,
        b: (await waiver(t.org.id, scope('shop'))).id,
        read: (id) => new WaiverRepository(db).get(t.org.id, id),
      };
    },
  },
  {
    table: 'EvidencePack',
    field: 'manifest',
    corrupt: { kind: 'EvidencePack', files: 'all', previousPackSha256: null },
    detail: /manifest \(files: /,
    rows: async (t) => {
      const packs = new EvidencePackRepository(db);
      const built = async (scope: string) => {
        const pack = await packs.request(t.org.id, {
          scope,
          framework: 'zero-trust',
          createdBy: actor.display,
        });
        await packs.complete(t.org.id, pack.id, {
          sha256: 'a'.repeat(64),
          previousSha256: null,
          manifest: {
            apiVersion: 'fenceline.dev/v1alpha1',
            kind: 'EvidencePack',
            files: [{ path: 'report.json', sha256: 'b'.repeat(64), bytes: 2 }],
            previousPackSha256: null,
          },
          zip: Buffer.from('zip'),
        });
        return pack.id;
      };
      return {
        a: await built('zero-trust/fleet'),
        b: await built('zero-trust/environment:prod'),
        read: (id) => packs.get(t.org.id, id),
      };
    },
  },
  {
    table: 'WebhookDelivery',
    field: 'payload',
    corrupt: { id: 'not a uuid' },
    detail: /payload \(id: /,
    rows: async (t) => {
      const hooks = new WebhookRepository(db, new SecretBox(randomBytes(32)));
      const hook = await hooks.create(
        t.org.id,
        { url: 'https://hooks.example.com/x', events: ['alert.opened'] },
        actor.display,
      );
      const deliver = async () =>
        (
          await hooks.createPendingDeliveries(
            t.org.id,
            createWebhookEvent(t.org.id, 'alert.opened', { alertId: randomUUID() }),
            [hook.id],
          )
        )[0]!.id;
      return {
        a: await deliver(),
        b: await deliver(),
        read: async (id) => [
          await hooks.delivery(t.org.id, id),
          (await hooks.deliveryTarget(t.org.id, id))?.event,
        ],
      };
    },
  },
];

describe('a JSON column off its schema', () => {
  it.each(COLUMNS.map((c) => [`${c.table}.${c.field}`, c] as const))(
    '%s: CORRUPT_DATA naming the table, row and field; nothing else stored is lost',
    async (_name, column) => {
      const t = await tenant();
      const { a, b, read } = await column.rows(t);
      const key = column.key ?? 'id';
      const readA = await read(a);
      const readB = await read(b);
      const raw = async (id: string) =>
        db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
          `SELECT * FROM "${column.table}" WHERE "${key}" = $1::uuid`,
          id,
        );
      const stored = (await raw(a))[0]!;
      const set = (value: unknown) =>
        db.prisma.$executeRawUnsafe(
          `UPDATE "${column.table}" SET "${column.field}" = $1::jsonb WHERE "${key}" = $2::uuid`,
          JSON.stringify(value),
          a,
        );

      await set(column.corrupt);
      const error: unknown = await read(a).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isCorruptData(error)).toBe(true);
      expect(error).toBeInstanceOf(CorruptDataError);
      expect(error).toMatchObject({
        code: 'CORRUPT_DATA',
        table: column.table,
        rowId: a,
        field: column.field,
      });
      const message = (error as Error).message;
      expect(message).toContain(`stored ${column.table} ${a} does not match the schema: `);
      expect(message).toMatch(column.detail);

      // The neighbour reads as before; the corrupt row is left as it was (reading repairs and
      // deletes nothing), and with its value back it reads exactly as it did.
      expect(await read(b)).toEqual(readB);
      const after = (await raw(a))[0]!;
      expect({ ...after, [column.field]: undefined }).toEqual({
        ...stored,
        [column.field]: undefined,
      });
      expect(after[column.field]).toEqual(column.corrupt);
      await set(stored[column.field]);
      expect(await read(a)).toEqual(readA);
    },
  );

  it('AuditEvent.before / .after (append-only: a corrupt row is inserted, not updated)', async () => {
    const org = await newOrganization(db);
    const audit = new AuditEventRepository(db);
    const good = await audit.record(org.id, {
      actor: actor.display,
      action: 'cluster.created',
      target: 'cluster/x',
      after: { name: 'prod-eu', labels: { team: 'shop' } },
    });
    const bad = await db.prisma.auditEvent.create({
      data: { organizationId: org.id, actor: 'a', action: 'b.c', target: 't', after: [1, 2] },
    });
    const error: unknown = await audit.list(org.id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'CORRUPT_DATA',
      table: 'AuditEvent',
      rowId: bad.id,
      field: 'after',
    });
    expect((error as Error).message).toContain(`stored AuditEvent ${bad.id}`);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: org.id } })).toBe(2);
    expect(good).toMatchObject({ before: null, after: { name: 'prod-eu' } });
  });
});

describe('stored documents read back', () => {
  it('keep keys their schema does not name (a read never drops what was written)', async () => {
    const t = await tenant();
    const requested = await waiver(t.org.id, { cluster: 'prod-eu' });
    const scope = { cluster: 'prod-eu', since: 'v2', workloadLabels: { app: 'web' } };
    await db.prisma.exception.update({ where: { id: requested.id }, data: { scope } });
    expect((await new WaiverRepository(db).get(t.org.id, requested.id))?.scope).toEqual(scope);
    const extended = { ...coverage, pendingPods: 3 };
    await db.prisma.snapshotAnalysis.update({
      where: { snapshotId: t.snapshotA },
      data: { coverage: extended },
    });
    expect((await new SnapshotRepository(db).latestAnalysis(t.org.id, t.a.id))?.coverage).toEqual(
      extended,
    );
    expect((await new ClusterRepository(db).get(t.org.id, t.a.id))?.labels).toEqual({
      team: 'shop',
    });
    expect((await new BaselineRepository(db).versionById(t.org.id, t.v1.id))?.content).toEqual({
      scope: { namespaceSelector: {} },
      sensitive: { namespaceSelector: { matchLabels: { pci: 'true' } } },
      policies: [policy('p1')],
      guardrails: [{ type: 'deny', name: 'g1', from: {}, to: { cidr: '0.0.0.0/0' } }],
    });
  });
});
