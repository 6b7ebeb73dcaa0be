import request from 'supertest';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const gql = (key: string | undefined, query: string, variables: Record<string, unknown> = {}) => {
  const req = request(env.app.getHttpServer()).post('/graphql').send({ query, variables });
  return key ? req.set('Authorization', `Bearer ${key}`) : req;
};

describe('GraphQL /graphql', () => {
  it('creates and lists clusters with the fields of the contract', async () => {
    const { apiKey } = await newTenant(env.db);
    const created = await gql(
      apiKey,
      'mutation($input: CreateClusterInput!) { createCluster(input: $input) { id name environment } }',
      { input: { name: 'gql-1', environment: 'staging' } },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data.createCluster.id as string;
    const listed = await gql(
      apiKey,
      '{ clusters { id name environment lastSnapshotAt coverage { totalPods ingressIsolatedPods egressIsolatedPods } } }',
    );
    expect(listed.body.data.clusters).toEqual([
      { id, name: 'gql-1', environment: 'staging', lastSnapshotAt: null, coverage: null },
    ]);
    const one = await gql(apiKey, 'query($id: ID!) { cluster(id: $id) { name } }', { id });
    expect(one.body.data.cluster).toEqual({ name: 'gql-1' });
    const token = await gql(
      apiKey,
      'mutation($id: ID!) { createAgentToken(clusterId: $id) { id token } }',
      { id },
    );
    expect(token.body.data.createAgentToken.token).toMatch(/^fla_/);
  });

  it('answers NOT_FOUND to another organization for every field naming the cluster, and UNAUTHENTICATED without a key', async () => {
    const a = await newTenant(env.db);
    const b = await newTenant(env.db);
    const created = await gql(
      a.apiKey,
      'mutation { createCluster(input: { name: "x", environment: "dev" }) { id } }',
    );
    const id = created.body.data.createCluster.id as string;
    for (const query of [
      'query($id: ID!) { cluster(id: $id) { id } }',
      'mutation($id: ID!) { createAgentToken(clusterId: $id) { id } }',
      'mutation($id: ID!) { revokeAgentToken(clusterId: $id, tokenId: $id) }',
    ]) {
      const res = await gql(b.apiKey, query, { id });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await gql(b.apiKey, '{ clusters { id } }')).body.data.clusters).toEqual([]);
    const anonymous = (await gql(undefined, '{ clusters { id } }')).body.errors?.[0];
    expect(anonymous?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous?.extensions?.stacktrace).toBeUndefined();
  });

  it('refuses queries that are too deep or select too much, and bad input with its field', async () => {
    const { apiKey } = await newTenant(env.db);
    const deep = '{ clusters { coverage { namespaces { namespace } } labels { key } } }';
    expect((await gql(apiKey, deep)).body.errors).toBeUndefined();
    const fragments =
      'fragment F on Cluster { id name environment lastSnapshotAt labels { key value } } { clusters { ' +
      Array.from({ length: 120 }, (_, i) => `a${i}: id ...F`).join(' ') +
      ' } }';
    const tooMuch = await gql(apiKey, fragments);
    // Apollo reports every validation rule's refusal as GRAPHQL_VALIDATION_FAILED.
    expect(tooMuch.body.errors?.[0]).toMatchObject({
      message: 'query selects 961 fields, more than 500',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(tooMuch.body.data).toBeUndefined();
    const bad = await gql(
      apiKey,
      'mutation { createCluster(input: { name: "Not_DNS", environment: "dev" }) { id } }',
    );
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID',
      issues: [{ path: 'name' }],
    });
  });
});
