import request from 'supertest';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const http = () => request(env.app.getHttpServer());
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const future = new Date(Date.now() + 86_400_000).toISOString();

interface Case {
  readonly name: string;
  readonly rest: (key: string) => request.Test;
  readonly graphql: { readonly query: string; readonly variables?: Record<string, unknown> };
  readonly code: string;
}

/** The same bad input through both transports: one operation, one validation, one error code. */
const cases: Case[] = [
  {
    name: 'createCluster with a name that is no DNS name',
    rest: (k) =>
      http().post('/v1/clusters').set(auth(k)).send({ name: 'Not_DNS', environment: 'dev' }),
    graphql: {
      query: 'mutation { createCluster(input: { name: "Not_DNS", environment: "dev" }) { id } }',
    },
    code: 'INVALID',
  },
  {
    name: 'createCluster with an empty environment',
    rest: (k) => http().post('/v1/clusters').set(auth(k)).send({ name: 'c', environment: '' }),
    graphql: { query: 'mutation { createCluster(input: { name: "c", environment: "" }) { id } }' },
    code: 'INVALID',
  },
  {
    name: 'createAgentToken for an unknown cluster',
    rest: (k) => http().post(`/v1/clusters/${NO_SUCH}/agent-tokens`).set(auth(k)),
    graphql: { query: `mutation { createAgentToken(clusterId: "${NO_SUCH}") { id } }` },
    code: 'NOT_FOUND',
  },
  {
    name: 'revokeAgentToken of an unknown token',
    rest: (k) => http().delete(`/v1/clusters/${NO_SUCH}/agent-tokens/${NO_SUCH}`).set(auth(k)),
    graphql: {
      query: `mutation { revokeAgentToken(clusterId: "${NO_SUCH}", tokenId: "${NO_SUCH}") }`,
    },
    code: 'NOT_FOUND',
  },
  {
    name: 'createBaseline named "Not Valid!"',
    rest: (k) => http().post('/v1/baselines').set(auth(k)).send({ name: 'Not Valid!' }),
    graphql: { query: 'mutation { createBaseline(name: "Not Valid!") { id } }' },
    code: 'INVALID',
  },
  {
    name: 'createBaseline named ""',
    rest: (k) => http().post('/v1/baselines').set(auth(k)).send({ name: '' }),
    graphql: { query: 'mutation { createBaseline(name: "") { id } }' },
    code: 'INVALID',
  },
  {
    name: 'createBaselineVersion with an empty message',
    rest: (k) =>
      http()
        .post(`/v1/baselines/${NO_SUCH}/versions`)
        .set(auth(k))
        .send({ content: {}, message: '' }),
    graphql: {
      query: `mutation { createBaselineVersion(baselineId: "${NO_SUCH}", contentJson: "{}", message: "") { id } }`,
    },
    code: 'INVALID',
  },
  {
    name: 'pinBaseline to version 0',
    rest: (k) =>
      http()
        .post(`/v1/baselines/${NO_SUCH}/pins`)
        .set(auth(k))
        .send({ environment: 'dev', version: 0 }),
    graphql: {
      query: `mutation { pinBaseline(baselineId: "${NO_SUCH}", environment: "dev", version: 0) { version } }`,
    },
    code: 'INVALID',
  },
  {
    name: 'requestPromotion of a baseline id that is no UUID',
    rest: (k) =>
      http()
        .post('/v1/promotions')
        .set(auth(k))
        .send({ baselineId: 'x', version: 1, environment: 'prod' }),
    graphql: {
      query:
        'mutation { requestPromotion(input: { baselineId: "x", version: 1, environment: "prod" }) { id } }',
    },
    code: 'INVALID',
  },
  {
    name: 'approvePromotion with an empty reason',
    rest: (k) => http().post(`/v1/promotions/${NO_SUCH}/approve`).set(auth(k)).send({ reason: '' }),
    graphql: { query: `mutation { approvePromotion(id: "${NO_SUCH}", reason: "") { id } }` },
    code: 'INVALID',
  },
  {
    name: 'rejectPromotion with an empty reason',
    rest: (k) => http().post(`/v1/promotions/${NO_SUCH}/reject`).set(auth(k)).send({ reason: '' }),
    graphql: { query: `mutation { rejectPromotion(id: "${NO_SUCH}", reason: "") { id } }` },
    code: 'INVALID',
  },
  {
    name: 'acknowledgeAlert with an empty comment',
    rest: (k) =>
      http().post(`/v1/alerts/${NO_SUCH}/acknowledge`).set(auth(k)).send({ comment: '' }),
    graphql: { query: `mutation { acknowledgeAlert(id: "${NO_SUCH}", comment: "") { id } }` },
    code: 'INVALID',
  },
  {
    name: 'acknowledgeAlert with a comment over 2,000 characters',
    rest: (k) =>
      http()
        .post(`/v1/alerts/${NO_SUCH}/acknowledge`)
        .set(auth(k))
        .send({ comment: 'x'.repeat(2001) }),
    graphql: {
      query:
        'mutation($c: String!) { acknowledgeAlert(id: "' + NO_SUCH + '", comment: $c) { id } }',
      variables: { c: 'x'.repeat(2001) },
    },
    code: 'INVALID',
  },
  {
    name: 'acknowledgeAlert of an unknown alert',
    rest: (k) =>
      http().post(`/v1/alerts/${NO_SUCH}/acknowledge`).set(auth(k)).send({ comment: 'ok' }),
    graphql: { query: `mutation { acknowledgeAlert(id: "${NO_SUCH}", comment: "ok") { id } }` },
    code: 'NOT_FOUND',
  },
  {
    name: 'acceptConnectivity with an empty comment',
    rest: (k) =>
      http()
        .post(`/v1/clusters/${NO_SUCH}/baselines/${NO_SUCH}/accept-connectivity`)
        .set(auth(k))
        .send({ comment: '' }),
    graphql: {
      query: `mutation { acceptConnectivity(clusterId: "${NO_SUCH}", baselineId: "${NO_SUCH}", comment: "") }`,
    },
    code: 'INVALID',
  },
  {
    name: 'requestWaiver with a justification too short',
    rest: (k) =>
      http().post('/v1/waivers').set(auth(k)).send({
        controlId: 'ZT-1',
        scope: {},
        justification: 'why',
        ticketUrl: 'https://t.example/1',
        expiresAt: future,
      }),
    graphql: {
      query: `mutation { requestWaiver(input: { controlId: "ZT-1", justification: "why", ticketUrl: "https://t.example/1", expiresAt: "${future}" }) { id } }`,
    },
    code: 'INVALID',
  },
  {
    name: 'approveWaiver of an unknown waiver',
    rest: (k) => http().post(`/v1/waivers/${NO_SUCH}/approve`).set(auth(k)),
    graphql: { query: `mutation { approveWaiver(id: "${NO_SUCH}") { id } }` },
    code: 'NOT_FOUND',
  },
  {
    name: 'createWebhook to plain http',
    rest: (k) =>
      http()
        .post('/v1/webhooks')
        .set(auth(k))
        .send({ url: 'http://hooks.example.com/x', events: ['alert.opened'] }),
    graphql: {
      query:
        'mutation { createWebhook(input: { url: "http://hooks.example.com/x", events: ["alert.opened"] }) { id } }',
    },
    code: 'INVALID',
  },
  {
    name: 'deleteWebhook of an unknown webhook',
    rest: (k) => http().delete(`/v1/webhooks/${NO_SUCH}`).set(auth(k)),
    graphql: { query: `mutation { deleteWebhook(id: "${NO_SUCH}") }` },
    code: 'NOT_FOUND',
  },
  {
    name: 'auditEvents with a limit of 100,000,000',
    rest: (k) => http().get('/v1/audit-events?limit=100000000').set(auth(k)),
    graphql: { query: '{ auditEvents(limit: 100000000) { id } }' },
    code: 'INVALID',
  },
];

describe('REST and GraphQL refuse the same input with the same code', () => {
  let apiKey: string;
  beforeAll(async () => ({ apiKey } = await newTenant(env.db)));

  it.each(cases)('$name: $code', async ({ rest, graphql, code }) => {
    const viaRest = await rest(apiKey);
    const viaGraphql = await http().post('/graphql').set(auth(apiKey)).send(graphql);
    expect([viaRest.body.code, viaGraphql.body.errors?.[0]?.extensions?.code]).toEqual([
      code,
      code,
    ]);
  });

  it('stores nothing for a refused input in either transport', async () => {
    expect((await http().get('/v1/baselines').set(auth(apiKey))).body).toEqual([]);
    expect((await http().get('/v1/clusters').set(auth(apiKey))).body).toEqual([]);
  });
});
