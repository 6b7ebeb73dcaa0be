import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuditEventRepository, ComplianceResultRepository } from '@fenceline/data-access';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const http = () => request(env.app.getHttpServer());
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
// Results are unique per snapshot × framework × control across the database: fresh ids per run.
const snapshotIds = [randomUUID(), randomUUID(), randomUUID()];

async function tenant() {
  const t = await newTenant(env.db);
  const key = async (name: string, role: string) =>
    (await http().post('/v1/api-keys').set(auth(t.apiKey)).send({ name, role })).body.key as string;
  return {
    ...t,
    viewer: await key('vic', 'viewer'),
    editor: await key('eve', 'editor'),
    alice: await key('alice', 'approver'),
    bob: await key('bob', 'approver'),
  };
}

/** Two clusters with recorded zero-trust results (the worker records them in production). */
async function withResults(t: Awaited<ReturnType<typeof tenant>>) {
  const cluster = async (name: string, environment: string) =>
    (await http().post('/v1/clusters').set(auth(t.apiKey)).send({ name, environment })).body
      .id as string;
  const dev = await cluster('shop-dev', 'dev');
  const prod = await cluster('shop-prod', 'prod');
  const results = new ComplianceResultRepository(env.db);
  const record = (clusterId: string, snapshotId: string, day: number, zt1: 'pass' | 'fail') =>
    results.record(t.organizationId, {
      clusterId,
      snapshotId,
      framework: 'zero-trust',
      frameworkVersion: '1.0',
      evaluatedAt: new Date(Date.UTC(2026, 10, day)),
      results: [
        {
          id: 'ZT-1',
          status: zt1,
          score: zt1 === 'pass' ? 1 : 0.5,
          evidence: zt1 === 'pass' ? [] : [{ namespace: 'shop', workload: 'shop/db[StatefulSet]' }],
        },
        { id: 'ZT-10', status: 'not-applicable', score: 1, evidence: [{ reason: 'cannot tell' }] },
      ],
    });
  await record(dev, snapshotIds[0]!, 1, 'pass');
  await record(prod, snapshotIds[1]!, 1, 'fail');
  await record(prod, snapshotIds[2]!, 10, 'pass');
  return { dev, prod };
}

describe('/v1/compliance', () => {
  it('lists the frameworks and their controls', async () => {
    const t = await tenant();
    const { body } = await http().get('/v1/compliance/frameworks').set(auth(t.viewer));
    expect(body.map((f: { id: string }) => f.id).sort()).toEqual([
      'cis-k8s',
      'nsa-cisa',
      'pci-dss',
      'zero-trust',
    ]);
    expect(
      body
        .find((f: { id: string }) => f.id === 'pci-dss')
        .controls.map((c: { id: string }) => c.id),
    ).toEqual(expect.arrayContaining(['1.3.1', '1.3.2', '11.4.5']));
  });

  it('summarises the fleet and environments, now and as of a past date', async () => {
    const t = await tenant();
    const { prod } = await withResults(t);
    const now = await http().get('/v1/compliance/summary?framework=zero-trust').set(auth(t.viewer));
    expect(now.body.fleet).toMatchObject({
      clusters: 2,
      score: 1,
      summary: { pass: 2, fail: 0, notApplicable: 2, waived: 0 },
      failingControls: [],
    });
    const past = await http()
      .get('/v1/compliance/summary?framework=zero-trust&asOf=2026-11-05T00:00:00Z')
      .set(auth(t.viewer));
    expect(past.body.fleet).toMatchObject({ clusters: 2, score: 0.75, failingControls: ['ZT-1'] });
    expect(
      past.body.environments.find((e: { environment: string }) => e.environment === 'prod'),
    ).toMatchObject({ clusters: 1, score: 0.5, summary: { fail: 1 } });
    const detail = await http()
      .get(
        '/v1/compliance/controls/ZT-1?framework=zero-trust&environment=prod&asOf=2026-11-05T00:00:00Z',
      )
      .set(auth(t.viewer));
    expect(detail.body.clusters).toEqual([
      expect.objectContaining({
        id: prod,
        status: 'fail',
        evidence: [{ namespace: 'shop', workload: 'shop/db[StatefulSet]' }],
      }),
    ]);
    const cluster = await http()
      .get(`/v1/clusters/${prod}/compliance/zero-trust`)
      .set(auth(t.viewer));
    expect(cluster.body).toMatchObject({
      snapshotId: snapshotIds[2],
      score: 1,
      summary: { pass: 1, notApplicable: 1 },
    });
    expect(cluster.body.controls.map((c: { id: string; title: string }) => c.id)).toEqual([
      'ZT-1',
      'ZT-10',
    ]);
    // Daily, per environment and control: prod's ZT-1 failed from Nov 1 (score 0.5) until it passed on Nov 10.
    const daily = await http()
      .get(
        '/v1/compliance/trend?framework=zero-trust&environment=prod&controlId=ZT-1&days=4&until=2026-11-11',
      )
      .set(auth(t.viewer));
    expect(
      daily.body.points.map((p: { date: string; score: number; summary: { fail: number } }) => [
        p.date,
        p.score,
        p.summary.fail,
      ]),
    ).toEqual([
      ['2026-11-08', 0.5, 1],
      ['2026-11-09', 0.5, 1],
      ['2026-11-10', 1, 0],
      ['2026-11-11', 1, 0],
    ]);
    expect(
      (
        await http()
          .get('/v1/compliance/trend?framework=zero-trust&days=2&until=2026-10-30')
          .set(auth(t.viewer))
      ).body.points,
    ).toEqual([
      {
        date: '2026-10-29',
        clusters: 0,
        score: null,
        summary: { pass: 0, fail: 0, notApplicable: 0, waived: 0 },
      },
      {
        date: '2026-10-30',
        clusters: 0,
        score: null,
        summary: { pass: 0, fail: 0, notApplicable: 0, waived: 0 },
      },
    ]);
    expect(
      (await http().get('/v1/compliance/trend?framework=zero-trust&days=400').set(auth(t.viewer)))
        .status,
    ).toBe(400);
    const trend = await http()
      .get(`/v1/clusters/${prod}/compliance/zero-trust/controls/ZT-1/trend`)
      .set(auth(t.viewer));
    expect(trend.body.map((p: { status: string }) => p.status)).toEqual(['fail', 'pass']);
    expect(
      (
        await http()
          .get(`/v1/clusters/${prod}/compliance/zero-trust?asOf=2026-10-01T00:00:00Z`)
          .set(auth(t.viewer))
      ).status,
    ).toBe(404);
    expect(
      (await http().get('/v1/compliance/summary?framework=iso27001').set(auth(t.viewer))).body,
    ).toMatchObject({ code: 'INVALID' });
    expect(
      (
        await http()
          .get('/v1/compliance/summary?framework=zero-trust&asOf=soon')
          .set(auth(t.viewer))
      ).status,
    ).toBe(400);
    const gql = await http().post('/graphql').set(auth(t.viewer)).send({
      query: '{ complianceSummary(framework: "zero-trust", asOf: "2026-11-05T00:00:00Z") }',
    });
    expect(JSON.parse(gql.body.data.complianceSummary).fleet.failingControls).toEqual(['ZT-1']);
  });

  it('stores the CDE declaration (admin, validated like the evaluation, audited)', async () => {
    const t = await tenant();
    const cde = {
      cde: { namespaceSelector: { matchLabels: { pci: 'true' } } },
      cdeAllowed: {
        inbound: [{ podSelector: { matchLabels: { app: 'checkout' } }, ports: [{ port: 8443 }] }],
      },
      retentionDays: 365,
    };
    expect((await http().put('/v1/compliance/settings').set(auth(t.editor)).send(cde)).status).toBe(
      403,
    );
    const bad = await http()
      .put('/v1/compliance/settings')
      .set(auth(t.apiKey))
      .send({ cdeAllowed: { inbound: [{ cidr: '10.0.0.0/33' }] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.issues)).toContain('cidr');
    expect(
      (await http().put('/v1/compliance/settings').set(auth(t.apiKey)).send(cde)).body,
    ).toEqual({ cde: cde.cde, cdeAllowed: cde.cdeAllowed, retentionDays: 365 });
    expect(
      (await http().get('/v1/compliance/settings').set(auth(t.viewer))).body.retentionDays,
    ).toBe(365);
    expect(
      (await new AuditEventRepository(env.db).list(t.organizationId)).map((e) => e.action),
    ).toContain('compliance.settings.updated');
  });
});

describe('/v1/waivers', () => {
  it('needs a justification, a ticket and a future expiry; is approved by another approver; reports its state', async () => {
    const t = await tenant();
    const body = {
      controlId: 'ZT-2',
      scope: { cluster: 'shop-prod', namespace: 'legacy' },
      justification: 'legacy batch jobs until the Q1 migration',
      ticketUrl: 'https://jira.example.com/SEC-11',
      expiresAt: new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString(),
    };
    const missing = await http()
      .post('/v1/waivers')
      .set(auth(t.alice))
      .send({ ...body, justification: 'x', ticketUrl: 'not a url' });
    expect(missing.body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'justification',
      'ticketUrl',
    ]);
    expect(
      (
        await http()
          .post('/v1/waivers')
          .set(auth(t.alice))
          .send({ ...body, expiresAt: '2020-01-01T00:00:00Z' })
      ).status,
    ).toBe(400);
    const created = await http().post('/v1/waivers').set(auth(t.alice)).send(body);
    expect(created.status).toBe(201);
    expect(
      (await http().post(`/v1/waivers/${created.body.id}/approve`).set(auth(t.alice))).body,
    ).toMatchObject({ code: 'SELF_APPROVAL' });
    expect(
      (await http().post(`/v1/waivers/${created.body.id}/approve`).set(auth(t.editor))).status,
    ).toBe(403);
    expect(
      (await http().post(`/v1/waivers/${created.body.id}/approve`).set(auth(t.bob))).body
        .approvedBy,
    ).not.toBeNull();
    const report = await http().get('/v1/waivers/report').set(auth(t.viewer));
    expect([
      report.body.active.length,
      report.body.expiringSoon.length,
      report.body.unused.length,
      report.body.expired.length,
    ]).toEqual([1, 1, 1, 0]);
    const gql = await http()
      .post('/graphql')
      .set(auth(t.viewer))
      .send({ query: '{ waivers { controlId scopeJson approvedBy } }' });
    expect(gql.body.data.waivers).toEqual([
      { controlId: 'ZT-2', scopeJson: JSON.stringify(body.scope), approvedBy: expect.any(String) },
    ]);
  });
});
