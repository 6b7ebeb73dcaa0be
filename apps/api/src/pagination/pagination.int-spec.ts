import request from 'supertest';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const http = () => request(env.app.getHttpServer());
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('lists for dashboards', () => {
  it('filters, limits and walks pages with Link rel="next" and X-Next-Cursor, every row once', async () => {
    const { apiKey } = await newTenant(env.db);
    for (const [name, environment] of [
      ['p-a', 'prod'],
      ['d-a', 'dev'],
      ['p-b', 'prod'],
      ['p-c', 'prod'],
    ])
      await http().post('/v1/clusters').set(auth(apiKey)).send({ name, environment });
    const first = await http().get('/v1/clusters?environment=prod&limit=1').set(auth(apiKey));
    expect([first.status, first.body.map((c: { name: string }) => c.name)]).toEqual([200, ['p-a']]);
    const cursor = first.headers['x-next-cursor'] as string;
    expect(first.headers['link']).toBe(
      `</v1/clusters?environment=prod&limit=1&cursor=${cursor}>; rel="next"`,
    );
    const names: string[] = ['p-a'];
    let next: string | undefined = first.headers['link'];
    while (next) {
      const url = /^<([^>]+)>; rel="next"$/.exec(next)?.[1] as string;
      const page = await http().get(url).set(auth(apiKey));
      names.push(...page.body.map((c: { name: string }) => c.name));
      next = page.headers['link'];
    }
    expect(names).toEqual(['p-a', 'p-b', 'p-c']);
    const all = await http().get('/v1/clusters').set(auth(apiKey));
    expect([all.body.length, all.headers['link'], all.headers['x-next-cursor']]).toEqual([
      4,
      undefined,
      undefined,
    ]);
  });

  it('answers 400 naming an unknown query parameter, a bad limit or a forged cursor', async () => {
    const { apiKey } = await newTenant(env.db);
    const unknown = await http().get('/v1/clusters?enviroment=prod').set(auth(apiKey));
    expect([unknown.status, unknown.body.code, unknown.body.issues]).toEqual([
      400,
      'INVALID',
      [{ path: 'enviroment', message: 'unknown parameter' }],
    ]);
    expect((await http().get('/v1/clusters?limit=0').set(auth(apiKey))).status).toBe(400);
    expect((await http().get('/v1/clusters?limit=1001').set(auth(apiKey))).status).toBe(400);
    expect((await http().get('/v1/alerts?cursor=bogus').set(auth(apiKey))).body.code).toBe(
      'INVALID',
    );
  });

  it('pages GraphQL lists as connections', async () => {
    const { apiKey } = await newTenant(env.db);
    for (const name of ['a', 'b', 'c'])
      await http().post('/v1/baselines').set(auth(apiKey)).send({ name });
    const q = (cursor?: string) =>
      http()
        .post('/graphql')
        .set(auth(apiKey))
        .send({
          query:
            'query($c: String) { baselineConnection(limit: 2, cursor: $c) { nodes { name } pageInfo { endCursor hasNextPage } } }',
          variables: { c: cursor ?? null },
        });
    const one = (await q()).body.data.baselineConnection;
    expect([one.nodes, one.pageInfo.hasNextPage]).toEqual([[{ name: 'a' }, { name: 'b' }], true]);
    const two = (await q(one.pageInfo.endCursor)).body.data.baselineConnection;
    expect(two).toEqual({
      nodes: [{ name: 'c' }],
      pageInfo: { endCursor: null, hasNextPage: false },
    });
  });

  it('gives every GraphQL list the same limit and cursor arguments, limit defaulting to its page size', async () => {
    const { apiKey } = await newTenant(env.db);
    const res = await http().post('/graphql').set(auth(apiKey)).send({
      query:
        '{ __type(name: "Query") { fields { name args { name defaultValue type { name } } } } }',
    });
    type Arg = { name: string; defaultValue: string | null; type: { name: string | null } };
    const fields = res.body.data.__type.fields as Array<{ name: string; args: Arg[] }>;
    const paged = Object.fromEntries(
      fields
        .filter((f) => f.args.some((a) => a.name === 'limit' || a.name === 'cursor'))
        .map((f) => [
          f.name,
          f.args
            .filter((a) => a.name === 'limit' || a.name === 'cursor')
            .map((a) => `${a.name}: ${a.type.name ?? '?'} = ${a.defaultValue}`)
            .sort(),
        ]),
    );
    // The REST defaults (README): 500 rows a page, audit events 1,000.
    const page = (size: number) => ['cursor: String = null', `limit: Int = ${size}`];
    expect(paged).toEqual({
      alerts: page(500),
      alertConnection: page(500),
      auditEvents: page(1000),
      auditEventConnection: page(1000),
      baselines: page(500),
      baselineConnection: page(500),
      baselineVersions: page(500),
      pins: page(500),
      clusters: page(500),
      clusterConnection: page(500),
      promotions: page(500),
      promotionConnection: page(500),
      waivers: page(500),
      webhooks: page(500),
    });
  });

  it('compresses large answers with gzip or br as the client accepts', async () => {
    const { apiKey } = await newTenant(env.db);
    for (let i = 0; i < 20; i++)
      await http()
        .post('/v1/baselines')
        .set(auth(apiKey))
        .send({ name: `baseline-${i}` });
    for (const encoding of ['gzip', 'br']) {
      const res = await http()
        .get('/v1/baselines')
        .set(auth(apiKey))
        .set('Accept-Encoding', encoding);
      expect([res.headers['content-encoding'], res.body.length]).toEqual([encoding, 20]);
    }
  });
});
