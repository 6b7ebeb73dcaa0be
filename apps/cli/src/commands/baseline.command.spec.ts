import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { baselineContentHash, loadBaselineDir } from '@fenceline/drift';
import { run, runWithEnv, tempTree } from '../../test/cli-harness';

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

type Handler = (req: Recorded) => { status: number; body?: unknown; text?: string };

/** A stand-in for the central API: records every request and answers with `handler`. */
async function fakeApi(
  handler: Handler,
): Promise<{ url: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      requests.push(recorded);
      const answer = handler(recorded);
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

const BASELINE =
  'apiVersion: fenceline.dev/v1alpha1\nkind: Baseline\nmetadata: { name: shop }\nspec:\n  guardrails: [{ type: require-default-deny, direction: both }]\n';
const TEMPLATE =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: default-deny }\nspec: { podSelector: {}, policyTypes: [Ingress, Egress] }\n';
const DENY_ALL =
  'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: { name: deny-all }\nspec:\n  tier: Baseline\n  priority: 1000\n  subject: { namespaces: {} }\n  ingress: [{ action: Deny, from: [{ namespaces: {} }] }]\n';
const KEY = 'flk_test_key';
const version = (number: number, extra: object = {}) => ({
  id: `v${number}`,
  number,
  contentHash: 'abcdef0123456789abcdef',
  author: 'alice',
  message: 'tighten shop',
  createdAt: '2024-05-01T10:00:00.000Z',
  ...extra,
});

describe('fenceline baseline push', () => {
  const tree = tempTree({
    'shop/baseline.yaml': BASELINE,
    'shop/templates/default-deny.yaml': TEMPLATE,
    'bad/baseline.yaml': BASELINE.replace('direction: both', 'direction: sideways'),
    'tiered/baseline.yaml': BASELINE,
    'tiered/cluster/deny-all.yaml': DENY_ALL,
    'bad-tiered/baseline.yaml': BASELINE,
    'bad-tiered/cluster/deny-all.yaml': DENY_ALL.replace('priority: 1000', 'priority: 5000'),
  });
  const content = loadBaselineDir('shop', { cwd: tree.dir }).content!;
  afterAll(() => tree.remove());
  /** `fenceline baseline push shop --message m` against the API at `url`. */
  const pushShop = (url: string) =>
    run(tree.dir, 'baseline', 'push', 'shop', '--message', 'm', '--api-url', url, '--api-key', KEY);

  it('creates the baseline when the API does not know it, then pushes a version', async () => {
    const api = await fakeApi((req) => {
      if (req.method === 'GET') return { status: 200, body: [] };
      if (req.url === '/v1/baselines') return { status: 201, body: { id: 'b-1', name: 'shop' } };
      return { status: 201, body: version(1, { contentHash: baselineContentHash(content) }) };
    });
    try {
      const result = await run(
        tree.dir,
        'baseline',
        'push',
        'shop',
        '--message',
        'tighten shop',
        '--api-url',
        `${api.url}/`,
        '--api-key',
        KEY,
      );
      expect(result).toEqual({
        code: 0,
        stdout: `baseline shop: version 1 created (${baselineContentHash(content).slice(0, 12)})\n`,
        stderr: '',
      });
      expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /v1/baselines?name=shop',
        'POST /v1/baselines',
        'POST /v1/baselines/b-1/versions',
      ]);
      for (const r of api.requests) expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(api.requests.slice(1).map((r) => r.headers['content-type'])).toEqual([
        'application/json',
        'application/json',
      ]);
      expect(api.requests[1]!.body).toEqual({ name: 'shop' });
      expect(api.requests[2]!.body).toEqual({ content, message: 'tighten shop' });
      expect(content.policies).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('pushes to an existing baseline (found by name), reads the environment, and reports an unchanged version', async () => {
    const api = await fakeApi((req) =>
      req.method === 'GET'
        ? {
            status: 200,
            body: [
              { id: 'b-other', name: 'shop-old', latestVersion: 1 },
              { id: 'b-7', name: 'prod', latestVersion: 3 },
            ],
          }
        : { status: 200, body: version(3, { unchanged: true }) },
    );
    try {
      const env = { FENCELINE_API_URL: api.url, FENCELINE_API_KEY: KEY };
      const result = await runWithEnv(
        env,
        tree.dir,
        'baseline',
        'push',
        'shop',
        '--name',
        'prod',
        '--message',
        'same again',
      );
      expect(result).toEqual({
        code: 0,
        stdout: 'baseline prod: version 3 unchanged\n',
        stderr: '',
      });
      expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /v1/baselines?name=prod',
        'POST /v1/baselines/b-7/versions',
      ]);
      const json = await runWithEnv(
        env,
        tree.dir,
        'baseline',
        'push',
        'shop',
        '--name',
        'prod',
        '--message',
        'same again',
        '-o',
        'json',
      );
      expect([json.code, JSON.parse(json.stdout)]).toEqual([0, version(3, { unchanged: true })]);
    } finally {
      await api.close();
    }
  });

  it('uses the baseline another push created meanwhile (409 on create)', async () => {
    let lists = 0;
    const api = await fakeApi((req) => {
      if (req.method === 'GET')
        return {
          status: 200,
          body: lists++ === 0 ? [] : [{ id: 'b-9', name: 'shop', latestVersion: 1 }],
        };
      if (req.url === '/v1/baselines')
        return { status: 409, body: { code: 'CONFLICT', message: 'baseline shop exists' } };
      return { status: 201, body: version(2) };
    });
    try {
      const result = await run(
        tree.dir,
        'baseline',
        'push',
        'shop',
        '--message',
        'm',
        '--api-url',
        api.url,
        '--api-key',
        KEY,
      );
      expect(result).toEqual({
        code: 0,
        stdout: 'baseline shop: version 2 created (abcdef012345)\n',
        stderr: '',
      });
      expect(api.requests.map((r) => `${r.method} ${r.url}`).at(-1)).toBe(
        'POST /v1/baselines/b-9/versions',
      );
    } finally {
      await api.close();
    }
  });

  it('documents its environment and exit codes', async () => {
    const help = (await run(tree.dir, 'baseline', 'push', '--help')).stdout;
    expect(help).toContain('FENCELINE_API_URL');
    expect(help).toContain('3 authentication or authorization refused');
  });

  it('exits 3 when the API refuses the key, and 1 when it rejects the content, printing its error', async () => {
    const api = await fakeApi((req) => {
      if (req.headers.authorization !== `Bearer ${KEY}`)
        return { status: 401, body: { code: 'UNAUTHENTICATED', message: 'invalid API key' } };
      if (req.method === 'GET')
        return { status: 200, body: [{ id: 'b-1', name: 'shop', latestVersion: null }] };
      return {
        status: 400,
        body: {
          code: 'INVALID_BASELINE',
          message: 'the content is not valid',
          issues: [{ path: 'guardrails[0].direction', message: 'bad' }],
        },
      };
    });
    try {
      const denied = await run(
        tree.dir,
        'baseline',
        'push',
        'shop',
        '--message',
        'm',
        '--api-url',
        api.url,
        '--api-key',
        'wrong',
      );
      expect(denied).toEqual({
        code: 3,
        stdout: '',
        stderr: 'error: 401 UNAUTHENTICATED: invalid API key\n',
      });
      const rejected = await run(
        tree.dir,
        'baseline',
        'push',
        'shop',
        '--message',
        'm',
        '--api-url',
        api.url,
        '--api-key',
        KEY,
      );
      expect(rejected).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'error: 400 INVALID_BASELINE: the content is not valid\nerror:   guardrails[0].direction: bad\n',
      });
    } finally {
      await api.close();
    }
  });

  it('exits 1 when the API is unreachable or answers something else', async () => {
    const api = await fakeApi(() => ({ status: 502, text: '<html>bad gateway</html>' }));
    const { url } = api;
    try {
      const gateway = await pushShop(url);
      expect(gateway).toEqual({
        code: 1,
        stdout: '',
        stderr: 'error: 502 HTTP_ERROR: <html>bad gateway</html>\n',
      });
    } finally {
      await api.close();
    }
    const down = await pushShop(url);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(
      /^error: cannot reach http:\/\/127\.0\.0\.1:\d+: fetch failed \(.*ECONNREFUSED.*\)\n$/,
    );
  });

  it('pushes the cluster policies of the folder with the rest, and refuses an invalid one locally', async () => {
    const api = await fakeApi((req) =>
      req.method === 'GET'
        ? { status: 200, body: [{ id: 'b-1', name: 'shop', latestVersion: 1 }] }
        : { status: 201, body: version(2) },
    );
    try {
      const push = (dir: string) =>
        run(
          tree.dir,
          'baseline',
          'push',
          dir,
          '--message',
          'm',
          '--api-url',
          api.url,
          '--api-key',
          KEY,
        );
      expect((await push('tiered')).code).toBe(0);
      const body = api.requests[1]!.body as { content: { policies: unknown[] } };
      expect(body.content.policies).toEqual([
        {
          apiVersion: 'policy.networking.k8s.io/v1alpha2',
          kind: 'ClusterNetworkPolicy',
          metadata: { name: 'deny-all' },
          spec: {
            tier: 'Baseline',
            priority: 1000,
            subject: { namespaces: {} },
            ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
          },
        },
      ]);
      const bad = await push('bad-tiered');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(
        /^error: bad-tiered\/cluster\/deny-all\.yaml#1: ClusterNetworkPolicy deny-all: spec\.priority: .*\[INVALID_PRIORITY\]\n$/,
      );
      expect(api.requests).toHaveLength(2);
    } finally {
      await api.close();
    }
  });

  it('exits 2 on an invalid folder or configuration, before any request', async () => {
    const api = await fakeApi(() => ({ status: 500 }));
    try {
      const bad = await run(
        tree.dir,
        'baseline',
        'push',
        'bad',
        '--message',
        'm',
        '--api-url',
        api.url,
        '--api-key',
        KEY,
      );
      expect(bad).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'error: bad/baseline.yaml#1: spec.guardrails[0].direction: string "sideways" is not a direction (ingress, egress, both)\n',
      });
      const noUrl = await run(
        tree.dir,
        'baseline',
        'push',
        'shop',
        '--message',
        'm',
        '--api-key',
        KEY,
      );
      expect(noUrl.code).toBe(2);
      expect(noUrl.stderr).toMatch(/^error: --api-url \/ FENCELINE_API_URL: /);
      const ftp = await run(
        tree.dir,
        'baseline',
        'push',
        'shop',
        '--message',
        'm',
        '--api-url',
        'ftp://x',
        '--api-key',
        KEY,
      );
      expect(ftp.stderr).toBe('error: --api-url / FENCELINE_API_URL: must be an http(s) URL\n');
      const noKey = await run(
        tree.dir,
        'baseline',
        'push',
        'shop',
        '--message',
        'm',
        '--api-url',
        api.url,
      );
      expect([noKey.code, noKey.stderr]).toEqual([
        2,
        'error: --api-key / FENCELINE_API_KEY: is required\n',
      ]);
      expect(
        (await run(tree.dir, 'baseline', 'push', 'shop', '--api-url', api.url, '--api-key', KEY))
          .code,
      ).toBe(2);
      expect(api.requests).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
