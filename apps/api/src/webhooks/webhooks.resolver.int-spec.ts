import request from 'supertest';
import { ApiKeyRepository } from '@fenceline/data-access';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const gql = (key: string, query: string, variables: Record<string, unknown> = {}) =>
  request(env.app.getHttpServer())
    .post('/graphql')
    .set('Authorization', `Bearer ${key}`)
    .send({ query, variables });

const CREATE =
  'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id url events format active createdAt secret } }';

describe('GraphQL webhooks (admin)', () => {
  it('creates (secret once), lists (no secret field exists) and deletes webhooks', async () => {
    const { apiKey } = await newTenant(env.db);
    const created = await gql(apiKey, CREATE, {
      input: { url: 'https://hooks.example.com/x', events: ['alert.opened'], format: 'slack' },
    });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createWebhook).toMatchObject({
      url: 'https://hooks.example.com/x',
      events: ['alert.opened'],
      format: 'slack',
      active: true,
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const id = created.body.data.createWebhook.id as string;

    const listed = await gql(
      apiKey,
      '{ webhooks { id url events format active consecutiveFailures disabledAt disabledReason createdAt } }',
    );
    expect(listed.body.data.webhooks).toEqual([
      expect.objectContaining({ id, format: 'slack', consecutiveFailures: 0, disabledAt: null }),
    ]);
    expect((await gql(apiKey, '{ webhooks { secret } }')).body.errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );

    expect(
      (await gql(apiKey, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id })).body.data,
    ).toEqual({ deleteWebhook: true });
    expect((await gql(apiKey, '{ webhooks { id } }')).body.data.webhooks).toEqual([]);
  });

  it('defaults the format to json and refuses bad input with its field', async () => {
    const { apiKey } = await newTenant(env.db);
    const created = await gql(apiKey, CREATE, {
      input: { url: 'https://hooks.example.com/y', events: ['promotion.rejected'] },
    });
    expect(created.body.data.createWebhook.format).toBe('json');
    const bad = await gql(apiKey, CREATE, {
      input: { url: 'http://hooks.example.com/y', events: [] },
    });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID',
      issues: [{ path: 'url' }, { path: 'events' }],
    });
  });

  it('is admin only, and another organization’s webhook is not found', async () => {
    const a = await newTenant(env.db);
    const b = await newTenant(env.db);
    const id = (
      await gql(a.apiKey, CREATE, {
        input: { url: 'https://x.example.com', events: ['alert.opened'] },
      })
    ).body.data.createWebhook.id as string;
    const editor = await new ApiKeyRepository(env.db).create(a.organizationId, {
      name: 'editor',
      role: 'editor',
    });
    expect((await gql(editor.key, '{ webhooks { id } }')).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await gql(editor.key, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id })).body
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await gql(b.apiKey, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id })).body
        .errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await gql(a.apiKey, '{ webhooks { id } }')).body.data.webhooks).toEqual([{ id }]);
  });
});
