import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import request from 'supertest';
import { createSnapshot, type InventorySnapshot } from '@fenceline/contracts';
import { buildInventory } from '@fenceline/netpol';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp({ INGEST_MAX_BYTES: String(256 * 1024) })));
afterAll(() => env.close());

const http = () => request(env.app.getHttpServer());
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

function snapshot(labels: Record<string, string>): InventorySnapshot {
  const inventory = buildInventory([
    {
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web', namespace: 'shop', labels },
      },
    },
    {
      object: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'deny', namespace: 'shop' },
        spec: { podSelector: {} },
      },
    },
  ]);
  return createSnapshot(inventory, {
    collectedAt: '2026-11-26T00:00:00Z',
    source: { type: 'cluster' },
  });
}

async function clusterWithToken() {
  const tenant = await newTenant(env.db);
  const { body: cluster } = await http()
    .post('/v1/clusters')
    .set(bearer(tenant.apiKey))
    .send({ name: 'c', environment: 'dev' });
  const { body: token } = await http()
    .post(`/v1/clusters/${cluster.id}/agent-tokens`)
    .set(bearer(tenant.apiKey));
  return {
    ...tenant,
    clusterId: cluster.id as string,
    token: token.token as string,
    tokenId: token.id as string,
  };
}

const storedFor = (clusterId: string) => env.db.prisma.snapshot.count({ where: { clusterId } });

describe('POST /v1/agent/snapshots', () => {
  it('accepts a snapshot once; the same content again is a duplicate of the same id', async () => {
    const { clusterId, token } = await clusterWithToken();
    const first = await http()
      .post('/v1/agent/snapshots')
      .set(bearer(token))
      .send(snapshot({ app: 'web' }));
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ snapshotId: expect.any(String), status: 'accepted' });
    const again = await http()
      .post('/v1/agent/snapshots')
      .set(bearer(token))
      .send({ ...snapshot({ app: 'web' }), collectedAt: '2026-11-26T01:00:00Z' });
    expect(again.body).toEqual({ snapshotId: first.body.snapshotId, status: 'duplicate' });
    expect(await storedFor(clusterId)).toBe(1);
  });

  it('accepts gzip bodies', async () => {
    const { clusterId, token } = await clusterWithToken();
    const res = await http()
      .post('/v1/agent/snapshots')
      // octet-stream only so that the test client sends the bytes as they are; the route reads
      // JSON whatever the declared type.
      .set({
        ...bearer(token),
        'Content-Type': 'application/octet-stream',
        'Content-Encoding': 'gzip',
      })
      .send(gzipSync(JSON.stringify(snapshot({ app: 'gz' }))));
    expect(res.status).toBe(202);
    expect(await storedFor(clusterId)).toBe(1);
  });

  it('answers 400 with field paths for a body off the schema or with invalid objects, storing nothing', async () => {
    const { clusterId, token } = await clusterWithToken();
    const offSchema = {
      ...snapshot({}),
      pods: [
        {
          namespace: 'shop',
          name: 'p',
          labels: {},
          ips: [],
          ports: [{ port: 0, protocol: 'TCP' }],
        },
      ],
    };
    const bad = await http().post('/v1/agent/snapshots').set(bearer(token)).send(offSchema);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_SNAPSHOT');
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toContain('pods[0].ports[0].port');
    const badPolicy = {
      ...snapshot({}),
      policies: [
        {
          namespace: 'shop',
          name: 'np',
          spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/33' } }] }] },
        },
      ],
    };
    const invalid = await http().post('/v1/agent/snapshots').set(bearer(token)).send(badPolicy);
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues).toEqual([
      expect.objectContaining({
        code: 'INVALID_CIDR',
        object: 'NetworkPolicy shop/np',
        path: 'spec.ingress[0].from[0].ipBlock.cidr',
      }),
    ]);
    expect(await storedFor(clusterId)).toBe(0);
  });

  it('answers 413 for a body over the limit, 415 for an unknown encoding, 400 for corrupt gzip or JSON', async () => {
    const { clusterId, token } = await clusterWithToken();
    const huge = { ...snapshot({}), padding: 'x'.repeat(300 * 1024) };
    expect((await http().post('/v1/agent/snapshots').set(bearer(token)).send(huge)).status).toBe(
      413,
    );
    const unknown = await http()
      .post('/v1/agent/snapshots')
      .set({ ...bearer(token), 'Content-Type': 'application/json', 'Content-Encoding': 'x-zip' })
      .send('{}');
    expect(unknown.status).toBe(415);
    const corrupt = await http()
      .post('/v1/agent/snapshots')
      .set({
        ...bearer(token),
        'Content-Type': 'application/octet-stream',
        'Content-Encoding': 'gzip',
      })
      .send(Buffer.from('not gzip'));
    expect(corrupt.status).toBe(400);
    const malformed = await http()
      .post('/v1/agent/snapshots')
      .set({ ...bearer(token), 'Content-Type': 'application/json' })
      .send('{"apiVersion": ');
    expect(malformed.status).toBe(400);
    expect(await storedFor(clusterId)).toBe(0);
  });

  it('answers 401 to a wrong token, a revoked token and an API key; a token pushes for its own cluster only', async () => {
    const a = await clusterWithToken();
    const b = await clusterWithToken();
    const body = snapshot({ app: 'x' });
    expect(
      (
        await http()
          .post('/v1/agent/snapshots')
          .set(bearer(`${a.token}x`))
          .send(body)
      ).status,
    ).toBe(401);
    expect((await http().post('/v1/agent/snapshots').set(bearer(a.apiKey)).send(body)).status).toBe(
      401,
    );
    await http().post('/v1/agent/snapshots').set(bearer(b.token)).send(body);
    expect(await storedFor(b.clusterId)).toBe(1);
    expect(await storedFor(a.clusterId)).toBe(0);
    await http()
      .delete(`/v1/clusters/${a.clusterId}/agent-tokens/${a.tokenId}`)
      .set(bearer(a.apiKey));
    expect((await http().post('/v1/agent/snapshots').set(bearer(a.token)).send(body)).status).toBe(
      401,
    );
  });

  it('never answers 5xx to random bodies, and stores nothing for them', async () => {
    const { clusterId, token } = await clusterWithToken();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string()), async (value) => {
        const res = await http()
          .post('/v1/agent/snapshots')
          .set({ ...bearer(token), 'Content-Type': 'application/json' })
          .send(typeof value === 'string' ? value : JSON.stringify(value));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect(await storedFor(clusterId)).toBe(0);
  });
});

describe('rate limits', () => {
  it('answers 429 past the per-minute limit, and keeps health and metrics open', async () => {
    const limited = await testApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await request(limited.app.getHttpServer()).post('/v1/agent/snapshots').send({})).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect((await request(limited.app.getHttpServer()).get('/healthz')).status).toBe(200);
      expect((await request(limited.app.getHttpServer()).get('/metrics')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
