import { APP_FILES, BACKEND, backendPolicy, FRONTEND, run, tempTree } from '../../test/cli-harness';

/** APP_FILES with the backend policy's ports replaced, under `folder/`. */
function variant(
  folder: string,
  ports: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, content] of Object.entries(APP_FILES))
    files[path.replace(/^base\//, `${folder}/`)] = content;
  files[`${folder}/policy.yaml`] = backendPolicy(ports);
  for (const [path, content] of Object.entries(extra)) files[`${folder}/${path}`] = content;
  return files;
}

const WORKER = `apiVersion: apps/v1
kind: Deployment
metadata: { name: worker, namespace: app }
spec: { template: { metadata: { labels: { app: worker } } } }
`;

describe('fenceline diff', () => {
  const tree = tempTree({
    ...APP_FILES,
    ...variant('numbered', '[{ port: 9000 }, { protocol: UDP, port: 5353 }]'),
    ...variant('tcp-only', '[{ port: api }]'),
    ...variant('range', '[{ port: 9000, endPort: 9002 }]'),
    ...variant('list', '[{ port: 9000 }, { port: 9001 }, { port: 9002 }]'),
    ...variant('with-worker', '[{ port: api }, { protocol: UDP, port: 5353 }]', {
      'worker.yaml': WORKER,
    }),
    'broken/policy.yaml': backendPolicy('[{ port: 9000, endPort: 8000 }]'),
  });
  afterAll(() => tree.remove());

  it('finds no difference when a named port is replaced by its number, and exits 0', async () => {
    for (const output of ['txt', 'csv', 'json']) {
      const result = await run(tree.dir, 'diff', 'base', 'numbered', '--output', output);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      if (output === 'json') expect(JSON.parse(result.stdout)).toEqual([]);
      if (output === 'csv') expect(result.stdout).toBe('diffType,src,dst,before,after,note\n');
      if (output === 'txt') expect(result.stdout).toBe('');
    }
  });

  it('finds no difference between an endPort range and the list of its ports', async () => {
    const result = await run(tree.dir, 'diff', 'range', 'list', '-o', 'json');
    expect(result).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('reports a changed connection and exits 1', async () => {
    const result = await run(tree.dir, 'diff', 'base', 'tcp-only', '--output', 'json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        diffType: 'changed',
        src: FRONTEND,
        dst: BACKEND,
        before: 'TCP 9000,UDP 5353',
        after: 'TCP 9000',
      },
    ]);
    const txt = await run(tree.dir, 'diff', 'base', 'tcp-only');
    expect(txt.stdout).toBe(`changed: ${FRONTEND} => ${BACKEND} : TCP 9000,UDP 5353 -> TCP 9000\n`);
    const csv = await run(tree.dir, 'diff', 'base', 'tcp-only', '-o', 'csv');
    expect(csv.stdout).toBe(
      `diffType,src,dst,before,after,note\nchanged,${FRONTEND},${BACKEND},"TCP 9000,UDP 5353",TCP 9000,\n`,
    );
    const md = await run(tree.dir, 'diff', 'base', 'tcp-only', '-o', 'md');
    expect(md.stdout.split('\n')[2]).toBe(
      `| changed | ${FRONTEND} | ${BACKEND} | TCP 9000,UDP 5353 | TCP 9000 |  |`,
    );
  });

  it('notes rows that exist because a workload was added', async () => {
    const result = await run(tree.dir, 'diff', 'base', 'with-worker', '--output', 'json');
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout) as Record<string, string>[];
    // The worker is isolated by nothing, and the backend admits only the frontend.
    expect(rows).toContainEqual({
      diffType: 'added',
      src: FRONTEND,
      dst: 'app/worker[Deployment]',
      before: 'No Connections',
      after: 'All Connections',
      note: 'workload app/worker[Deployment] added',
    });
    expect(rows.some((r) => r['src'] === 'app/worker[Deployment]' && r['dst'] === BACKEND)).toBe(
      false,
    );
  });

  it('exits 2 when either side is invalid, naming the side', async () => {
    const result = await run(tree.dir, 'diff', 'base', 'broken');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: after: NetworkPolicy app\/backend-ingress \(broken\/policy\.yaml#1\): spec\.ingress\[0\]\.ports\[0\]\.endPort: .*\[END_PORT_BELOW_PORT\]/,
    );
    expect((await run(tree.dir, 'diff', 'base')).code).toBe(2);
    expect((await run(tree.dir, 'diff', 'base', 'numbered', 'list')).code).toBe(2);
    expect((await run(tree.dir, 'diff', 'base', 'numbered', '-o', 'dot')).code).toBe(2);
  });
});
