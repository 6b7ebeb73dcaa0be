import { randomUUID } from 'node:crypto';
import { auditActionSchema, auditActorSchema } from '@fenceline/contracts';
import {
  AuditEventRepository,
  bootstrapOrganization,
  ClusterRepository,
  ComplianceResultRepository,
  EvidencePackRepository,
} from '@fenceline/data-access';
import { verifyEvidencePack } from '@fenceline/reports';
import { testWorker } from '../../test/test-worker';
import { ExportService } from './export.service';

let env: Awaited<ReturnType<typeof testWorker>>;
let worker: Awaited<ReturnType<typeof testWorker>>['worker'];
let db: Awaited<ReturnType<typeof testWorker>>['db'];
beforeAll(async () => {
  env = await testWorker();
  ({ worker, db } = env);
});
afterAll(() => env.close());

describe('export worker (PostgreSQL)', () => {
  it('builds requested packs from stored results, each chained to the previous ready pack of its scope', async () => {
    const service = worker.get(ExportService);
    const { organizationId } = await bootstrapOrganization(db, `export-${randomUUID()}`);
    const cluster = await new ClusterRepository(db).create(organizationId, {
      name: 'prod-eu',
      environment: 'prod',
    });
    await new ComplianceResultRepository(db).record(organizationId, {
      clusterId: cluster.id,
      snapshotId: randomUUID(),
      framework: 'zero-trust',
      frameworkVersion: '1.0',
      results: [
        {
          id: 'ZT-1',
          status: 'fail',
          score: 0.5,
          evidence: [{ status: 'fail', namespace: 'shop', workload: 'shop/db[StatefulSet]' }],
        },
      ],
    });
    const packs = new EvidencePackRepository(db);
    const first = await packs.request(organizationId, {
      scope: 'zero-trust/fleet',
      framework: 'zero-trust',
      createdBy: 'alice',
    });
    const second = await packs.request(organizationId, {
      scope: 'zero-trust/fleet',
      framework: 'zero-trust',
      createdBy: 'alice',
    });
    const a = await service.build({ organizationId, packId: first.id }, true);
    const b = await service.build({ organizationId, packId: second.id }, true);
    expect([a.built, b.built]).toEqual([true, true]);
    expect(await service.build({ organizationId, packId: first.id }, true)).toEqual({
      built: false,
    });
    const [storedA, storedB] = await packs.list(organizationId, 'zero-trust/fleet');
    expect([storedA?.status, storedA?.previousSha256, storedB?.previousSha256]).toEqual([
      'ready',
      null,
      a.sha256,
    ]);
    // Each build is audited by the worker in the documented format (system:<component>).
    const built = (await new AuditEventRepository(db).list(organizationId)).filter(
      (e) => e.action === 'evidence-pack.built',
    );
    expect(built.map((e) => [e.actor, e.target, e.after])).toEqual([
      [
        'system:export',
        `evidence-pack/${first.id}`,
        { scope: 'zero-trust/fleet', sha256: a.sha256, previousSha256: null },
      ],
      [
        'system:export',
        `evidence-pack/${second.id}`,
        { scope: 'zero-trust/fleet', sha256: b.sha256, previousSha256: a.sha256 },
      ],
    ]);
    for (const event of built) {
      expect(auditActorSchema.safeParse(event.actor).success).toBe(true);
      expect(auditActionSchema.safeParse(event.action).success).toBe(true);
    }
    const zip = (await packs.zip(organizationId, second.id))!;
    expect(verifyEvidencePack(zip, { previousPackSha256: a.sha256!, sha256: b.sha256! })).toEqual({
      ok: true,
      problems: [],
    });

    // A scope without results: the pack fails with the reason (after the last attempt).
    const empty = await packs.request(organizationId, {
      scope: 'pci-dss/fleet',
      framework: 'pci-dss',
      createdBy: 'alice',
    });
    await expect(service.build({ organizationId, packId: empty.id }, true)).rejects.toThrow(
      'no pci-dss results',
    );
    expect(await packs.get(organizationId, empty.id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('no pci-dss results'),
    });
  });
});
