import request from 'supertest';
import { newTenant, testApp } from '../../test/test-app';
import { QUERY_TOO_COMPLEX } from './query-complexity';

const MAX = 1000;
let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp({ GRAPHQL_MAX_COMPLEXITY: String(MAX) })));
afterAll(() => env.close());

const gql = (key: string, query: string, variables: Record<string, unknown> = {}) =>
  request(env.app.getHttpServer())
    .post('/graphql')
    .set('Authorization', `Bearer ${key}`)
    .send({ query, variables });

// Per cluster: id, name, environment, coverage and its totalPods = 5.
const SELECTION = '{ id name environment coverage { totalPods } }';
const costOf = (pageSize: number): number => 1 + pageSize * 5;

describe('GraphQL query complexity', () => {
  it('answers a query within the limit', async () => {
    const { apiKey } = await newTenant(env.db);
    expect(costOf(100)).toBeLessThanOrEqual(MAX);
    const res = await gql(apiKey, `{ clusters(limit: 100) ${SELECTION} }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.clusters).toEqual([]);
  });

  it('refuses a list whose limit fans it out over the limit, with the computed and allowed complexity', async () => {
    const { apiKey } = await newTenant(env.db);
    for (const [query, variables, pageSize] of [
      [`{ clusters(limit: 300) ${SELECTION} }`, {}, 300],
      [`query($n: Int) { clusters(limit: $n) ${SELECTION} }`, { n: 250 }, 250],
      // No limit: the default page (500) is what the server would fetch.
      [`{ clusters ${SELECTION} }`, {}, 500],
      [`{ clusterConnection(limit: 400) { nodes ${SELECTION} } }`, {}, 400],
    ] as const) {
      const res = await gql(apiKey, query, variables);
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      const expected = query.includes('clusterConnection') ? 1 + pageSize * 6 : costOf(pageSize);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          message: `query complexity ${expected} exceeds the limit of ${MAX}`,
          extensions: { code: QUERY_TOO_COMPLEX, complexity: expected, maxComplexity: MAX },
        }),
      ]);
    }
  });

  it("counts a list without limit at its own page size: audit events' 1,000, not the common 500", async () => {
    const { apiKey } = await newTenant(env.db);
    // 1 + 1,000 × 1: over the limit although 1 + 500 × 1 would not be.
    const refused = await gql(apiKey, '{ auditEvents { id } }');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: `query complexity 1001 exceeds the limit of ${MAX}`,
        extensions: { code: QUERY_TOO_COMPLEX, complexity: 1001, maxComplexity: MAX },
      }),
    ]);
    const answered = await gql(apiKey, '{ auditEvents(limit: 999) { id } }');
    expect([answered.status, answered.body.errors]).toEqual([200, undefined]);
    expect(Array.isArray(answered.body.data.auditEvents)).toBe(true);
  });

  it('keeps the field-count rule, which answers first (as a validation failure)', async () => {
    const { apiKey } = await newTenant(env.db);
    const aliases = Array.from({ length: 501 }, (_, i) => `a${i}: id`).join(' ');
    const res = await gql(apiKey, `{ clusters(limit: 1) { ${aliases} } }`);
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'query selects 502 fields, more than 500',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
