import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The real executable, running the bundle that `nx run cli:build` produced. */
const FENCELINE = resolve(__dirname, '../../bin/fenceline');

function fenceline(
  cwd: string,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(FENCELINE, args, { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n';
const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec: { template: { metadata: { labels: { app: web } } } }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: shop }
spec:
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: pg, ports: [{ name: pg, containerPort: 5432 }] }] }
`;
const policy = (port: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  policyTypes: [Ingress, Egress]
  ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: ${port} }] }]
`;

describe('bin/fenceline', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fenceline-e2e-'));
    for (const [folder, port] of [
      ['v1', 'pg'],
      ['v2', '5433'],
    ] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'ns.yaml'), NAMESPACE);
      writeFileSync(join(dir, folder, 'workloads.yaml'), WORKLOADS);
      writeFileSync(join(dir, folder, 'policy.yaml'), policy(port));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the connectivity list as JSON and exits 0', () => {
    const result = fenceline(dir, 'connlist', 'v1', '--output', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // web is isolated by nothing; db may not open any connection (Egress with no rule) and
    // admits only web, on pg (5432).
    const all = '0.0.0.0-255.255.255.255[External]';
    expect(JSON.parse(result.stdout)).toEqual([
      { src: all, dst: 'shop/web[Deployment]', conn: 'All Connections' },
      { src: 'shop/web[Deployment]', dst: all, conn: 'All Connections' },
      { src: 'shop/web[Deployment]', dst: 'shop/db[StatefulSet]', conn: 'TCP 5432' },
    ]);
  });

  it('exits 1 when the diff is not empty', () => {
    const result = fenceline(dir, 'diff', 'v1', 'v2', '-o', 'json');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        diffType: 'changed',
        src: 'shop/web[Deployment]',
        dst: 'shop/db[StatefulSet]',
        before: 'TCP 5432',
        after: 'TCP 5433',
      },
    ]);
  });

  it('exits 2 on a missing path', () => {
    const result = fenceline(dir, 'connlist', 'missing');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error: File missing: no such file or directory [PARSE_ERROR]');
  });
});
