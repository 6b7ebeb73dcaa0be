import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { AuditEventRepository, ComplianceResultRepository } from '@fenceline/data-access';
import { validateOscalAssessmentResults, validatePolicyReport } from '@fenceline/reports';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const http = () => request(env.app.getHttpServer());
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function tenantWithResults() {
  const t = await newTenant(env.db);
  const cluster = async (name: string, environment: string) =>
    (await http().post('/v1/clusters').set(auth(t.apiKey)).send({ name, environment })).body
      .id as string;
  const results = new ComplianceResultRepository(env.db);
  const ids = { dev: await cluster('shop-dev', 'dev'), prod: await cluster('shop-prod', 'prod') };
  for (const [key, zt1] of Object.entries({ dev: 'pass', prod: 'fail' }) as [
    keyof typeof ids,
    'pass' | 'fail',
  ][]) {
    await results.record(t.organizationId, {
      clusterId: ids[key],
      snapshotId: randomUUID(),
      framework: 'zero-trust',
      frameworkVersion: '1.0',
      evaluatedAt: new Date('2026-11-20T10:00:00Z'),
      results: [
        {
          id: 'ZT-1',
          status: zt1,
          score: zt1 === 'pass' ? 1 : 0.5,
          evidence:
            zt1 === 'pass'
              ? []
              : [
                  {
                    status: 'fail',
                    namespace: 'shop',
                    workload: 'shop/db[StatefulSet]',
                    note: 'comma, "quote"\nnewline',
                  },
                ],
        },
        { id: 'ZT-10', status: 'not-applicable', score: 1, evidence: [{ reason: 'cannot tell' }] },
      ],
    });
  }
  return { ...t, ids };
}

describe('compliance exports', () => {
  it('exports JSON, CSV, PDF, PolicyReports and OSCAL for the fleet, an environment or a cluster', async () => {
    const t = await tenantWithResults();
    const json = await http()
      .get('/v1/compliance/exports/json?framework=zero-trust')
      .set(auth(t.apiKey));
    expect(JSON.parse(json.text)).toMatchObject({
      kind: 'ComplianceReport',
      subject: { scope: { kind: 'fleet' } },
    });
    const csv = await http()
      .get('/v1/compliance/exports/csv?framework=zero-trust&scope=environment:prod')
      .set(auth(t.apiKey));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      'cluster,environment,framework,version,control,title,severity,status,score,evidence',
    );
    expect(csv.text).toContain('shop-prod,prod,zero-trust,1.0,ZT-1');
    expect(csv.text).not.toContain('shop-dev');
    const pdf = await http()
      .get(`/v1/compliance/exports/pdf?framework=zero-trust&scope=cluster:${t.ids.prod}`)
      .set(auth(t.apiKey))
      .buffer(true)
      .parse(binary);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    // Read back as a user's PDF reader would (pdf.js via pdf-parse; no poppler binary needed).
    const reader = join(__dirname, '../../../../tools/pdf-text.js');
    const input = pdf.body as Buffer;
    const text = execFileSync(process.execPath, [reader], { input, encoding: 'utf8' });
    for (const word of ['ZT-1', 'ZT-10', 'shop-prod']) expect(text).toContain(word);
    const policyReports = await http()
      .get('/v1/compliance/exports/policyreport?framework=zero-trust')
      .set(auth(t.apiKey));
    expect(policyReports.body.items).toHaveLength(2);
    for (const item of policyReports.body.items) expect(validatePolicyReport(item)).toEqual([]);
    const oscal = await http()
      .get('/v1/compliance/exports/oscal?framework=zero-trust')
      .set(auth(t.apiKey));
    expect(validateOscalAssessmentResults(oscal.body)).toEqual([]);
    expect(
      (await http().get('/v1/compliance/exports/xlsx?framework=zero-trust').set(auth(t.apiKey)))
        .status,
    ).toBe(400);
    expect(
      (
        await http()
          .get('/v1/compliance/exports/json?framework=zero-trust&scope=galaxy')
          .set(auth(t.apiKey))
      ).status,
    ).toBe(400);
    expect(
      (await http().get('/v1/compliance/exports/json?framework=pci-dss').set(auth(t.apiKey)))
        .status,
    ).toBe(404);
  });

  it('queues evidence packs for the worker; a pack downloads only once built', async () => {
    const t = await tenantWithResults();
    const requested = await http()
      .post('/v1/compliance/evidence-packs')
      .set(auth(t.apiKey))
      .send({ framework: 'zero-trust', scope: 'fleet' });
    expect([requested.status, requested.body.status, requested.body.scope]).toEqual([
      202,
      'building',
      'zero-trust/fleet',
    ]);
    expect(
      (await http().get(`/v1/compliance/evidence-packs/${requested.body.id}`).set(auth(t.apiKey)))
        .body,
    ).toMatchObject({ code: 'NOT_READY' });
    expect(
      (
        await http()
          .get(`/v1/compliance/evidence-packs/${requested.body.id}/status`)
          .set(auth(t.apiKey))
      ).body.status,
    ).toBe('building');
    expect(
      (
        await http()
          .post('/v1/compliance/evidence-packs')
          .set(auth(t.apiKey))
          .send({ framework: 'pci-dss', scope: 'fleet' })
      ).status,
    ).toBe(404);
    expect(
      (await new AuditEventRepository(env.db).list(t.organizationId)).map((e) => e.action),
    ).toContain('evidence-pack.requested');
  });
});
