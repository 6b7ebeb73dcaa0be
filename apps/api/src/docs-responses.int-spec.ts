import type { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { newTenant, testApp } from '../test/test-app';
import { buildOpenApiDocument } from './docs';
import { RESPONSES } from './docs/responses';

type JsonSchema = Record<string, unknown>;

/**
 * The dotted paths of the fields a value has that its JSON Schema does not name: a documented
 * answer must show every field the route returns (an open object — `additionalProperties` set —
 * documents any).
 */
function undocumented(schema: JsonSchema | undefined, value: unknown, path = '$'): string[] {
  if (!schema || value === null || typeof value !== 'object') return [];
  const variants = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
  if (variants) return variants.length ? undocumented(variants[0], value, path) : [];
  if (Array.isArray(value))
    return value.flatMap((v, i) => undocumented(schema['items'] as JsonSchema, v, `${path}[${i}]`));
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  // No properties named (`{}`, a record): any object is documented.
  if (!properties) return [];
  const open =
    schema['additionalProperties'] !== undefined && schema['additionalProperties'] !== false;
  return Object.entries(value).flatMap(([key, v]) =>
    properties[key]
      ? undocumented(properties[key], v, `${path}.${key}`)
      : open
        ? []
        : [`${path}.${key}`],
  );
}

describe('the documented answers are the ones the routes give', () => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let document: OpenAPIObject;

  beforeAll(async () => {
    env = await testApp();
    document = buildOpenApiDocument(env.app);
  });
  afterAll(() => env.close());

  /** Calls a route and checks its answer against the zod schema and the document's schema. */
  async function conforms(
    operationId: string,
    call: (http: ReturnType<typeof request>) => request.Test,
  ): Promise<Record<string, unknown>> {
    const response = await call(request(env.app.getHttpServer()));
    const doc = RESPONSES[operationId];
    expect([operationId, response.status]).toEqual([operationId, doc?.status]);
    const parsed = doc?.schema?.safeParse(response.body);
    expect([operationId, parsed?.success ? [] : parsed?.error.issues]).toEqual([operationId, []]);
    const operation = Object.values(document.paths)
      .flatMap((item) => Object.values(item))
      .find((op) => (op as { operationId?: string }).operationId === operationId) as
      | { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }
      | undefined;
    const schema = operation?.responses[String(doc?.status)]?.content?.['application/json']?.schema;
    expect([operationId, undocumented(schema, response.body)]).toEqual([operationId, []]);
    return response.body as Record<string, unknown>;
  }

  it('for clusters, API keys, baselines, webhooks, audit, compliance and health', async () => {
    const { apiKey } = await newTenant(env.db);
    const auth = { Authorization: `Bearer ${apiKey}` };
    const cluster = await conforms('ClustersController_create', (h) =>
      h
        .post('/v1/clusters')
        .set(auth)
        .send({ name: 'docs', environment: 'dev', labels: { a: 'b' } }),
    );
    await conforms('ClustersController_get', (h) =>
      h.get(`/v1/clusters/${cluster['id']}`).set(auth),
    );
    await conforms('ClustersController_list', (h) => h.get('/v1/clusters').set(auth));
    await conforms('ClustersController_createAgentToken', (h) =>
      h.post(`/v1/clusters/${cluster['id']}/agent-tokens`).set(auth),
    );
    await conforms('ApiKeysController_create', (h) =>
      h.post('/v1/api-keys').set(auth).send({ name: 'dashboard', role: 'viewer' }),
    );
    await conforms('ApiKeysController_list', (h) => h.get('/v1/api-keys').set(auth));
    const baseline = await conforms('BaselinesController_create', (h) =>
      h.post('/v1/baselines').set(auth).send({ name: 'shop' }),
    );
    await conforms('BaselinesController_list', (h) => h.get('/v1/baselines').set(auth));
    await conforms('BaselinesController_get', (h) =>
      h.get(`/v1/baselines/${baseline['id']}`).set(auth),
    );
    const hook = await conforms('WebhooksController_create', (h) =>
      h
        .post('/v1/webhooks')
        .set(auth)
        .send({ url: 'https://hooks.example.com/services/T0/B0/X', events: ['alert.opened'] }),
    );
    await conforms('WebhooksController_get', (h) => h.get(`/v1/webhooks/${hook['id']}`).set(auth));
    await conforms('WebhooksController_list', (h) => h.get('/v1/webhooks').set(auth));
    await conforms('AuditController_list', (h) => h.get('/v1/audit-events').set(auth));
    await conforms('AlertsController_list', (h) => h.get('/v1/alerts').set(auth));
    await conforms('PromotionsController_list', (h) => h.get('/v1/promotions').set(auth));
    await conforms('ComplianceController_frameworks', (h) =>
      h.get('/v1/compliance/frameworks').set(auth),
    );
    await conforms('ComplianceController_settings', (h) =>
      h.get('/v1/compliance/settings').set(auth),
    );
    await conforms('WaiversController_list', (h) => h.get('/v1/waivers').set(auth));
    await conforms('HealthController_healthz', (h) => h.get('/healthz'));
    await conforms('HealthController_readyz', (h) => h.get('/readyz'));
  });

  it('documents the refusals the routes give, with the error body they answer', async () => {
    const { apiKey } = await newTenant(env.db);
    const auth = { Authorization: `Bearer ${apiKey}` };
    const refusals: Array<[string, string, (h: ReturnType<typeof request>) => request.Test]> = [
      ['/v1/clusters', 'get', (h) => h.get('/v1/clusters')],
      ['/v1/clusters', 'get', (h) => h.get('/v1/clusters?limt=5').set(auth)],
      ['/v1/clusters/{id}', 'get', (h) => h.get('/v1/clusters/no-such-cluster').set(auth)],
      [
        '/v1/clusters',
        'post',
        (h) => h.post('/v1/clusters').set(auth).send({ name: 'Not Valid!' }),
      ],
      ['/v1/baselines', 'post', (h) => h.post('/v1/baselines').set(auth).send({ name: 'dup' })],
    ];
    await request(env.app.getHttpServer()).post('/v1/baselines').set(auth).send({ name: 'dup' });
    const seen: string[] = [];
    for (const [path, method, call] of refusals) {
      const response = await call(request(env.app.getHttpServer()));
      const documented = document.paths[path]?.[method as 'get' | 'post']?.responses;
      seen.push(`${method} ${path} ${response.status}`);
      expect([`${method} ${path}`, response.status, documented?.[String(response.status)]]).toEqual(
        [
          `${method} ${path}`,
          response.status,
          expect.objectContaining({ description: expect.any(String) }),
        ],
      );
      expect(response.body).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
      });
    }
    // The calls above refuse with every status they are meant to show.
    expect(seen).toEqual([
      'get /v1/clusters 401',
      'get /v1/clusters 400',
      'get /v1/clusters/{id} 404',
      'post /v1/clusters 400',
      'post /v1/baselines 409',
    ]);
  });
});
