import request from 'supertest';
import { newTenant, testApp } from '../../test/test-app';

let env: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => (env = await testApp()));
afterAll(() => env.close());

const http = () => request(env.app.getHttpServer());
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('/v1/api-keys (admin)', () => {
  it('creates a key shown once, lists keys without secrets, and revokes', async () => {
    const { apiKey } = await newTenant(env.db);
    const created = await http()
      .post('/v1/api-keys')
      .set(auth(apiKey))
      .send({ name: 'dashboard', role: 'viewer' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'dashboard',
      role: 'viewer',
      key: expect.stringMatching(/^flk_/),
    });
    expect((await http().get('/v1/clusters').set(auth(created.body.key))).status).toBe(200);
    const listed = await http().get('/v1/api-keys').set(auth(apiKey));
    expect(listed.body).toHaveLength(2);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect((await http().delete(`/v1/api-keys/${created.body.id}`).set(auth(apiKey))).status).toBe(
      204,
    );
    expect((await http().get('/v1/clusters').set(auth(created.body.key))).status).toBe(401);
  });

  it('is admin only, rejects unknown roles, and hides other organizations’ keys', async () => {
    const a = await newTenant(env.db);
    const b = await newTenant(env.db);
    const editor = await http()
      .post('/v1/api-keys')
      .set(auth(a.apiKey))
      .send({ name: 'e', role: 'editor' });
    expect((await http().get('/v1/api-keys').set(auth(editor.body.key))).status).toBe(403);
    expect(
      (await http().post('/v1/api-keys').set(auth(a.apiKey)).send({ name: 'x', role: 'root' }))
        .status,
    ).toBe(400);
    expect((await http().delete(`/v1/api-keys/${editor.body.id}`).set(auth(b.apiKey))).status).toBe(
      404,
    );
    expect((await http().get('/v1/clusters').set(auth(editor.body.key))).status).toBe(200);
  });
});
