import { join } from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { createSnapshot } from '@fenceline/contracts';
import { AuditEventRepository, SnapshotRepository } from '@fenceline/data-access';
import { loadBaselineDir, type BaselineContent } from '@fenceline/drift';
import { buildInventory, loadPaths } from '@fenceline/netpol';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const http = () => request(env.app.getHttpServer());
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
const EXAMPLES = join(__dirname, '../../../../examples');
const shop = loadBaselineDir(join(EXAMPLES, 'baselines/shop')).content as BaselineContent;

/** A tenant with keys for each role, named like people. */
async function tenant() {
  const t = await newTenant(env.db);
  const key = async (name: string, role: string) =>
    (await http().post('/v1/api-keys').set(auth(t.apiKey)).send({ name, role })).body.key as string;
  return {
    ...t,
    admin: t.apiKey,
    viewer: await key('vic', 'viewer'),
    editor: await key('eve', 'editor'),
    alice: await key('alice', 'approver'),
    bob: await key('bob', 'approver'),
  };
}

/** A cluster in `environment` whose newest snapshot is the manifests of `dir`. */
async function clusterWith(
  key: string,
  name: string,
  environment: string,
  dir: string,
): Promise<string> {
  const { body: cluster } = await http()
    .post('/v1/clusters')
    .set(auth(key))
    .send({ name, environment });
  const { body: token } = await http()
    .post(`/v1/clusters/${cluster.id}/agent-tokens`)
    .set(auth(key));
  const snapshot = createSnapshot(buildInventory(loadPaths([dir]).objects), {
    collectedAt: new Date(),
    source: { type: 'manifests' },
  });
  expect(
    (await http().post('/v1/agent/snapshots').set(auth(token.token)).send(snapshot)).status,
  ).toBe(202);
  return cluster.id as string;
}

describe('/v1/baselines', () => {
  it('creates baselines and immutable versions; equal content is not a new version', async () => {
    const t = await tenant();
    expect(
      (await http().post('/v1/baselines').set(auth(t.viewer)).send({ name: 'shop' })).status,
    ).toBe(403);
    expect(
      (await http().post('/v1/baselines').set(auth(t.editor)).send({ name: 'Shop!' })).body,
    ).toMatchObject({ code: 'INVALID', issues: [{ path: 'name' }] });
    const { body: baseline } = await http()
      .post('/v1/baselines')
      .set(auth(t.editor))
      .send({ name: 'shop' });
    expect(
      (await http().post('/v1/baselines').set(auth(t.editor)).send({ name: 'shop' })).status,
    ).toBe(409);
    const v1 = await http()
      .post(`/v1/baselines/${baseline.id}/versions`)
      .set(auth(t.editor))
      .send({ content: shop, message: 'first' });
    expect([v1.status, v1.body.number, v1.body.author]).toEqual([
      201,
      1,
      expect.stringMatching(/^api-key:[0-9a-f-]{36} \(eve\)$/),
    ]);
    const same = await http()
      .post(`/v1/baselines/${baseline.id}/versions`)
      .set(auth(t.editor))
      .send({ content: shop, message: 'again' });
    expect([same.status, same.body.number, same.body.unchanged]).toEqual([200, 1, true]);
    const v2 = await http()
      .post(`/v1/baselines/${baseline.id}/versions`)
      .set(auth(t.editor))
      .send({
        content: { ...shop, guardrails: shop.guardrails.slice(1) },
        message: 'drop default deny guardrail',
      });
    expect(v2.body.number).toBe(2);
    expect(
      (await http().get(`/v1/baselines/${baseline.id}/versions/1`).set(auth(t.viewer))).body
        .content,
    ).toEqual(shop);
    const diff = await http()
      .get(`/v1/baselines/${baseline.id}/versions/1/diff/2`)
      .set(auth(t.viewer));
    expect(diff.body.guardrails).toEqual({
      added: [],
      removed: ['default-deny-everywhere'],
      changed: [],
    });
    expect((await http().get('/v1/baselines?name=shop').set(auth(t.viewer))).body).toEqual([
      expect.objectContaining({ id: baseline.id, latestVersion: 2 }),
    ]);
  });

  it('refuses invalid content with the path of every problem, and stores nothing', async () => {
    const t = await tenant();
    const { body: baseline } = await http()
      .post('/v1/baselines')
      .set(auth(t.editor))
      .send({ name: 'shop' });
    const bad = {
      ...shop,
      guardrails: [{ type: 'deny', name: 'x', from: {}, to: { cidr: '10.0.0.0/33' } }],
    };
    const res = await http()
      .post(`/v1/baselines/${baseline.id}/versions`)
      .set(auth(t.editor))
      .send({ content: bad, message: 'm' });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(
      'content.guardrails[0].to.cidr',
    );
    expect(
      (await http().get(`/v1/baselines/${baseline.id}/versions`).set(auth(t.editor))).body,
    ).toEqual([]);
  });

  it('never answers 500 to random version content (property)', async () => {
    const t = await tenant();
    const { body: baseline } = await http()
      .post('/v1/baselines')
      .set(auth(t.editor))
      .send({ name: 'fuzz' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              policies: fc.jsonValue(),
              guardrails: fc.array(fc.jsonValue(), { maxLength: 3 }),
              scope: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        async (content) => {
          const res = await http()
            .post(`/v1/baselines/${baseline.id}/versions`)
            .set(auth(t.editor))
            .send({ content, message: 'fuzz' });
          expect([200, 201, 400]).toContain(res.status);
        },
      ),
      { numRuns: Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 60) },
    );
  });

  it('hides another organization’s baselines', async () => {
    const a = await tenant();
    const b = await tenant();
    const { body: baseline } = await http()
      .post('/v1/baselines')
      .set(auth(a.editor))
      .send({ name: 'shop' });
    expect((await http().get(`/v1/baselines/${baseline.id}`).set(auth(b.admin))).status).toBe(404);
    expect(
      (
        await http()
          .post(`/v1/baselines/${baseline.id}/versions`)
          .set(auth(b.admin))
          .send({ content: shop, message: 'm' })
      ).status,
    ).toBe(404);
  });
});

describe('/v1/promotions', () => {
  it('pins dev, promotes without skipping, refuses self-approval, and applies with a second approver', async () => {
    const t = await tenant();
    const stagingCluster = await clusterWith(
      t.editor,
      'shop-staging',
      'staging',
      join(EXAMPLES, 'staging/shop-staging'),
    );
    const { body: baseline } = await http()
      .post('/v1/baselines')
      .set(auth(t.editor))
      .send({ name: 'shop' });
    await http()
      .post(`/v1/baselines/${baseline.id}/versions`)
      .set(auth(t.editor))
      .send({ content: shop, message: 'v1' });
    expect(
      (
        await http()
          .post(`/v1/baselines/${baseline.id}/pins`)
          .set(auth(t.editor))
          .send({ environment: 'prod', version: 1 })
      ).body,
    ).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('first environment (dev)'),
    });
    expect(
      (
        await http()
          .post(`/v1/baselines/${baseline.id}/pins`)
          .set(auth(t.editor))
          .send({ environment: 'dev', version: 1 })
      ).body,
    ).toMatchObject({ environment: 'dev', version: 1 });
    const skipping = await http()
      .post('/v1/promotions')
      .set(auth(t.editor))
      .send({ baselineId: baseline.id, version: 1, environment: 'prod' });
    expect([skipping.status, skipping.body.message]).toEqual([
      400,
      expect.stringContaining('only from staging'),
    ]);

    const dryRun = await http()
      .post('/v1/promotions/preview')
      .set(auth(t.editor))
      .send({ baselineId: baseline.id, version: 1, environment: 'staging' });
    expect(dryRun.status).toBe(200);
    expect((await http().get('/v1/promotions').set(auth(t.viewer))).body).toEqual([]);
    const requested = await http()
      .post('/v1/promotions')
      .set(auth(t.alice))
      .send({ baselineId: baseline.id, version: 1, environment: 'staging' });
    expect(requested.status).toBe(201);
    expect(requested.body.preview).toEqual(dryRun.body);
    // The preview: staging lacks the default deny, so applying v1 there narrows db's egress.
    const [preview] = requested.body.preview;
    expect(preview.clusterId).toBe(stagingCluster);
    expect(
      preview.connectivity.some(
        (r: { src: string; diffType: string }) =>
          r.src === 'shop/db[StatefulSet]' && r.diffType === 'removed',
      ),
    ).toBe(true);
    expect(
      (
        await http()
          .post(`/v1/promotions/${requested.body.id}/approve`)
          .set(auth(t.editor))
          .send({})
      ).status,
    ).toBe(403);
    expect(
      (await http().post(`/v1/promotions/${requested.body.id}/approve`).set(auth(t.alice)).send({}))
        .body,
    ).toMatchObject({ code: 'SELF_APPROVAL' });
    expect(
      (await http().post(`/v1/promotions/${requested.body.id}/reject`).set(auth(t.bob)).send({}))
        .status,
    ).toBe(400);
    const applied = await http()
      .post(`/v1/promotions/${requested.body.id}/approve`)
      .set(auth(t.bob))
      .send({ reason: 'preview reviewed' });
    expect(applied.body).toMatchObject({ status: 'applied', reason: 'preview reviewed' });
    expect(
      (await http().post(`/v1/promotions/${requested.body.id}/approve`).set(auth(t.bob)).send({}))
        .status,
    ).toBe(409);
    expect(
      (await http().get('/v1/baselines/pins').set(auth(t.viewer))).body.map(
        (p: { environment: string; version: number }) => `${p.environment}:${p.version}`,
      ),
    ).toEqual(['dev:1', 'staging:1']);
    const actions = (await new AuditEventRepository(env.db).list(t.organizationId)).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'baseline.created',
        'baseline.version.created',
        'baseline.pinned',
        'promotion.requested',
        'promotion.approved',
      ]),
    );
  });

  it('rolls back by promotion; only an admin rolls back at once, recorded as such', async () => {
    const t = await tenant();
    const { body: baseline } = await http()
      .post('/v1/baselines')
      .set(auth(t.editor))
      .send({ name: 'shop' });
    await http()
      .post(`/v1/baselines/${baseline.id}/versions`)
      .set(auth(t.editor))
      .send({ content: shop, message: 'v1' });
    await http()
      .post(`/v1/baselines/${baseline.id}/versions`)
      .set(auth(t.editor))
      .send({ content: { ...shop, guardrails: [] }, message: 'v2' });
    for (const version of [1, 2]) {
      await http()
        .post(`/v1/baselines/${baseline.id}/pins`)
        .set(auth(t.editor))
        .send({ environment: 'dev', version });
      for (const environment of ['staging', 'prod']) {
        const { body } = await http()
          .post('/v1/promotions')
          .set(auth(t.alice))
          .send({ baselineId: baseline.id, version, environment });
        expect(
          (await http().post(`/v1/promotions/${body.id}/approve`).set(auth(t.bob)).send({})).body
            .status,
        ).toBe('applied');
      }
    }
    expect(
      (
        await http()
          .post('/v1/promotions')
          .set(auth(t.alice))
          .send({ baselineId: baseline.id, version: 2, environment: 'prod', rollback: true })
      ).status,
    ).toBe(400);
    expect(
      (
        await http().post('/v1/promotions').set(auth(t.alice)).send({
          baselineId: baseline.id,
          version: 1,
          environment: 'prod',
          rollback: true,
          immediate: true,
        })
      ).status,
    ).toBe(403);
    const immediate = await http().post('/v1/promotions').set(auth(t.admin)).send({
      baselineId: baseline.id,
      version: 1,
      environment: 'prod',
      rollback: true,
      immediate: true,
    });
    expect(immediate.body).toMatchObject({ status: 'applied', isRollback: true });
    expect(
      (await http().get('/v1/baselines/pins').set(auth(t.viewer))).body.find(
        (p: { environment: string }) => p.environment === 'prod',
      ).version,
    ).toBe(1);
    expect(
      (await new AuditEventRepository(env.db).list(t.organizationId)).map((e) => e.action),
    ).toContain('promotion.rollback-applied');
  });
});

describe('/v1/alerts, /v1/audit-events and GraphQL', () => {
  it('validates filters, answers 404 for unknown alerts, and serves the audit log', async () => {
    const t = await tenant();
    expect((await http().get('/v1/alerts?severity=urgent').set(auth(t.viewer))).body).toMatchObject(
      { code: 'INVALID', issues: [{ path: 'severity' }] },
    );
    expect((await http().get('/v1/alerts?status=open').set(auth(t.viewer))).body).toEqual([]);
    expect(
      (
        await http()
          .post('/v1/alerts/00000000-0000-4000-8000-000000000000/acknowledge')
          .set(auth(t.editor))
          .send({ comment: 'x' })
      ).status,
    ).toBe(404);
    expect(
      (
        await http()
          .post('/v1/alerts/00000000-0000-4000-8000-000000000000/acknowledge')
          .set(auth(t.viewer))
          .send({ comment: 'x' })
      ).status,
    ).toBe(403);
    const audit = await http().get('/v1/audit-events').set(auth(t.viewer));
    expect(audit.body.map((e: { action: string }) => e.action)).toContain('api-key.created');
    expect((await http().get('/v1/audit-events?since=yesterday').set(auth(t.viewer))).status).toBe(
      400,
    );
  });

  it('offers baselines, promotions and alerts through GraphQL with the same rules', async () => {
    const t = await tenant();
    const gql = (key: string, query: string, variables: Record<string, unknown> = {}) =>
      http().post('/graphql').set(auth(key)).send({ query, variables });
    const created = await gql(
      t.editor,
      'mutation { createBaseline(name: "shop") { id name latestVersion } }',
    );
    const id = created.body.data.createBaseline.id as string;
    const version = await gql(
      t.editor,
      'mutation($id: ID!, $c: String!) { createBaselineVersion(baselineId: $id, contentJson: $c, message: "v1") { number contentHash } }',
      { id, c: JSON.stringify(shop) },
    );
    expect(version.body.data.createBaselineVersion.number).toBe(1);
    expect(
      (
        await gql(
          t.editor,
          'mutation($id: ID!) { pinBaseline(baselineId: $id, environment: "dev", version: 1) { environment version } }',
          { id },
        )
      ).body.data.pinBaseline,
    ).toEqual({ environment: 'dev', version: 1 });
    const promotion = await gql(
      t.alice,
      'mutation($id: ID!) { requestPromotion(input: { baselineId: $id, version: 1, environment: "staging" }) { id status previewJson } }',
      { id },
    );
    const promotionId = promotion.body.data.requestPromotion.id as string;
    const self = await gql(t.alice, 'mutation($p: ID!) { approvePromotion(id: $p) { status } }', {
      p: promotionId,
    });
    expect(self.body.errors[0].extensions.code).toBe('SELF_APPROVAL');
    expect(
      (
        await gql(
          t.bob,
          'mutation($p: ID!) { approvePromotion(id: $p, reason: "ok") { status } }',
          { p: promotionId },
        )
      ).body.data.approvePromotion.status,
    ).toBe('applied');
    expect(
      (
        await gql(
          t.viewer,
          '{ baselines { name latestVersion } pins { environment version } promotions { status } alerts(filter: { status: "open" }) { id } }',
        )
      ).body.data,
    ).toEqual({
      baselines: [{ name: 'shop', latestVersion: 1 }],
      pins: [
        { environment: 'dev', version: 1 },
        { environment: 'staging', version: 1 },
      ],
      promotions: [{ status: 'applied' }],
      alerts: [],
    });
    expect(
      (await gql(t.viewer, 'mutation { createBaseline(name: "x") { id } }')).body.errors[0]
        .extensions.code,
    ).toBe('FORBIDDEN');
  });
});

describe('accepting connectivity', () => {
  it('moves the reference to the newest analysed connectivity, audited, only for a pinned baseline', async () => {
    const t = await tenant();
    const clusterId = await clusterWith(
      t.editor,
      'shop-dev',
      'dev',
      join(EXAMPLES, 'dev/shop-dev'),
    );
    const { body: baseline } = await http()
      .post('/v1/baselines')
      .set(auth(t.editor))
      .send({ name: 'shop' });
    await http()
      .post(`/v1/baselines/${baseline.id}/versions`)
      .set(auth(t.editor))
      .send({ content: shop, message: 'v1' });
    const accept = (key: string, cluster = clusterId) =>
      http()
        .post(`/v1/clusters/${cluster}/baselines/${baseline.id}/accept-connectivity`)
        .set(auth(key))
        .send({ comment: 'intended: SEC-42' });
    expect((await accept(t.editor)).body).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('not pinned to dev'),
    });
    await http()
      .post(`/v1/baselines/${baseline.id}/pins`)
      .set(auth(t.editor))
      .send({ environment: 'dev', version: 1 });
    expect((await accept(t.editor)).status).toBe(404); // no analysis yet (no worker here)
    const snapshots = new SnapshotRepository(env.db);
    const latest = (await snapshots.latest(t.organizationId, clusterId))!;
    await snapshots.saveAnalysis(t.organizationId, latest.id, {
      classCount: 1,
      connectivity: [{ src: 'a/x[Deployment]', dst: 'b/y[Deployment]', conn: 'TCP 80' }],
      coverage: { totalPods: 0, ingressIsolatedPods: 0, egressIsolatedPods: 0, namespaces: [] },
    });
    expect((await accept(t.viewer)).status).toBe(403);
    expect((await accept(t.editor, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await accept(t.editor)).body).toMatchObject({
      snapshotId: latest.id,
      rows: 1,
      acceptedBy: expect.stringMatching(/^api-key:[0-9a-f-]{36} \(eve\)$/),
    });
    const event = (await new AuditEventRepository(env.db).list(t.organizationId)).find(
      (e) => e.action === 'reference.accepted',
    );
    expect(event?.after).toEqual({ snapshotId: latest.id, rows: 1, comment: 'intended: SEC-42' });
    const diff = await http()
      .post('/graphql')
      .set(auth(t.viewer))
      .send({
        query:
          'query($id: ID!, $c: ID!) { baselineVersionDiff(baselineId: $id, from: 1, to: 1, clusterId: $c) }',
        variables: { id: baseline.id, c: clusterId },
      });
    expect(JSON.parse(diff.body.data.baselineVersionDiff)).toMatchObject({
      policies: { added: [], removed: [], modified: [] },
      connectivity: [],
    });
  });
});
