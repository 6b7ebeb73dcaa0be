import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ApiClient, ApiError, ApiUnavailableError } from './api-client';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server answering with `answer`; `urls` records each request's path and query. */
async function server(answer: Answer) {
  const urls: string[] = [];
  const headers: IncomingMessage['headers'][] = [];
  const http = createServer((req, res) => {
    urls.push(req.url ?? '');
    headers.push(req.headers);
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    urls,
    headers,
    close: () =>
      new Promise<void>((done) => {
        http.closeAllConnections();
        http.close(() => done());
      }),
  };
}

const json =
  (status: number, body: string, type = 'application/json'): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(body);
  };

const list = z.array(z.object({ id: z.string(), name: z.string() }));
const listByName = (api: ApiClient, name: string) =>
  api.send(
    'GET /v1/baselines',
    (client) => client.GET('/v1/baselines', { params: { query: { name } } }),
    list,
  );

describe('ApiClient', () => {
  it('sends the key as a bearer token, under the path prefix of the base URL', async () => {
    const api = await server(json(200, '[{"id":"b-1","name":"a b","extra":true}]'));
    try {
      const answer = await listByName(new ApiClient(`${api.url}/fenceline//`, 'flk_x'), 'a b');
      expect(answer).toEqual({
        status: 200,
        value: [{ id: 'b-1', name: 'a b' }],
        raw: [{ id: 'b-1', name: 'a b', extra: true }],
      });
      expect(api.urls).toEqual(['/fenceline/v1/baselines?name=a%20b']);
      expect(api.headers[0]).toMatchObject({
        authorization: 'Bearer flk_x',
        accept: 'application/json',
      });
      // No body, so no Content-Type (the API would try to parse one).
      expect(api.headers[0]!['content-type']).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it('maps an error body to ApiError, and any other refusal to HTTP_ERROR with its text', async () => {
    const answers: Answer[] = [
      json(400, '{"code":"VALIDATION","message":"bad","issues":[{"path":"name"}]}'),
      json(404, '{"error":"no such route"}'),
      json(503, '', 'text/plain'),
    ];
    const api = await server((req, res) => answers.shift()!(req, res));
    try {
      const client = new ApiClient(api.url, 'k');
      const errors = [];
      for (let i = 0; i < 3; i++) errors.push(await listByName(client, 'x').catch((e) => e));
      expect(errors.map((e) => e instanceof ApiError)).toEqual([true, true, true]);
      expect(errors.map((e: ApiError) => [e.status, e.code, e.message, e.issues])).toEqual([
        [400, 'VALIDATION', 'bad', [{ path: 'name' }]],
        [404, 'HTTP_ERROR', '{"error":"no such route"}', []],
        [503, 'HTTP_ERROR', 'Service Unavailable', []],
      ]);
    } finally {
      await api.close();
    }
  });

  it('calls a 2xx answer it cannot read unavailable: not JSON, or not the documented shape', async () => {
    const answers: Answer[] = [
      json(200, '<html>portal</html>', 'text/html'),
      json(200, '{"id":1}'),
    ];
    const api = await server((req, res) => answers.shift()!(req, res));
    try {
      const client = new ApiClient(api.url, 'k');
      const html = await listByName(client, 'x').catch((e) => e);
      expect(html).toBeInstanceOf(ApiUnavailableError);
      expect(html.message).toBe('unexpected answer to GET /v1/baselines: the body is not JSON');
      const shape = await listByName(client, 'x').catch((e) => e);
      expect(shape).toBeInstanceOf(ApiUnavailableError);
      expect(shape.message).toMatch(/^unexpected answer to GET \/v1\/baselines \(200\): .*array/);
    } finally {
      await api.close();
    }
  });

  it('gives up on a request the API does not answer within the timeout', async () => {
    // The server never answers: only the client's timeout can end the request.
    const api = await server(() => undefined);
    try {
      const error = await listByName(new ApiClient(api.url, 'k', 50), 'x').catch((e) => e);
      expect(error).toBeInstanceOf(ApiUnavailableError);
      expect(error.message).toBe(
        `cannot reach ${api.url}: The operation was aborted due to timeout`,
      );
    } finally {
      await api.close();
    }
  });
});
