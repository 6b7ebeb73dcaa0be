import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run, tempTree } from '../../test/cli-harness';

/** The network-policy-api suite, read in place beside the checkout (never copied). */
const CONFORMANCE = resolve(
  process.env['FENCELINE_CONFORMANCE_DIR'] ?? join(__dirname, '../../../../../shared/conformance'),
  'network-policy-api',
);

interface Probe {
  from: string;
  to: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  allowed: boolean;
}

const WALL = `apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { tenant: shop } }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [{ name: web, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: db, namespace: shop, labels: { app: db } }
spec: { containers: [{ name: db, ports: [{ containerPort: 5432 }] }] }
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: { name: tenant-walls }
spec:
  tier: Admin
  priority: 10
  subject: { namespaces: { matchLabels: { tenant: shop } } }
  ingress:
    - { name: same-tenant, action: Pass, from: [{ namespaces: { matchLabels: { tenant: shop } } }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-ingress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 5432 }] }]
`;

describe('fenceline with cluster-scoped policies', () => {
  const tree = tempTree({ 'cluster.yaml': WALL });
  afterAll(() => tree.remove());

  it('explain names the tier, policy and rule that decided, and what each tier did', async () => {
    const result = await run(
      tree.dir,
      'explain',
      'cluster.yaml',
      '--src',
      'shop/web',
      '--dst',
      'shop/db',
      '--port',
      '5432',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'ingress at the destination (shop/db):',
        '  path: Admin: Pass by cnp/tenant-walls rule 0 (same-tenant) → NetworkPolicy: isolated, allowed by shop/db-ingress rule 0',
        '  Admin tier: cnp/tenant-walls (priority 10)',
        '    cnp/tenant-walls rule #0 (same-tenant): Pass All Connections (decides All Connections) ← decides TCP 5432',
        '  NetworkPolicy tier:',
      ].join('\n'),
    );
  });

  it('explain --output json carries the path and the decision', async () => {
    const result = await run(
      tree.dir,
      'explain',
      'cluster.yaml',
      '--src',
      'shop/db',
      '--dst',
      'shop/web',
      '--port',
      '80',
      '-o',
      'json',
    );
    const json = JSON.parse(result.stdout) as {
      verdict: boolean;
      ingress: { path: string; decidedBy: unknown };
    };
    expect(json.verdict).toBe(true);
    expect(json.ingress.path).toBe(
      'Admin: Pass by cnp/tenant-walls rule 0 (same-tenant) → NetworkPolicy: not isolated → Baseline: no rule matches → default: allow',
    );
    expect(json.ingress.decidedBy).toEqual({ tier: 'Default' });
  });

  it('connlist reports no cluster policy as an unevaluated kind', async () => {
    const result = await run(tree.dir, 'connlist', 'cluster.yaml');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('not evaluated');
    expect(result.stdout).toContain('shop/web[Pod] => shop/db[Pod] : TCP 5432');
  });
});

describe('fenceline connlist on the network-policy-api ClusterNetworkPolicy suite', () => {
  if (!existsSync(CONFORMANCE)) throw new Error(`conformance data not found at ${CONFORMANCE}`);
  const files = readdirSync(CONFORMANCE)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort();
  const tree = tempTree({});
  afterAll(() => tree.remove());

  it('holds all 58 steps', () => {
    expect(files).toHaveLength(58);
  });

  it.each(files)(
    '%s: every probe allowed ⇔ covered by the from[Pod] → to[Pod] row',
    async (file) => {
      const data = JSON.parse(readFileSync(join(CONFORMANCE, file), 'utf8')) as {
        resources: unknown[];
        probes: Probe[];
      };
      const input = join(tree.dir, file);
      writeFileSync(
        input,
        JSON.stringify({ apiVersion: 'v1', kind: 'List', items: data.resources }),
      );
      const result = await run(tree.dir, 'connlist', file, '-o', 'json');
      expect(result.stderr).not.toMatch(/error|\[[A-Z_]+\]/);
      const rows = JSON.parse(result.stdout) as { src: string; dst: string; conn: string }[];
      const byPair = new Map(rows.map((r) => [`${r.src} ${r.dst}`, r.conn]));
      const verdict = (p: Probe): string => {
        const conn = byPair.get(`${p.from}[Pod] ${p.to}[Pod]`);
        return `${p.from} -> ${p.to} ${p.protocol}/${p.port}: ${covers(conn, p) ? 'allowed' : 'denied'}`;
      };
      const expected = data.probes.map(
        (p) => `${p.from} -> ${p.to} ${p.protocol}/${p.port}: ${p.allowed ? 'allowed' : 'denied'}`,
      );
      expect(data.probes.map(verdict)).toEqual(expected);
    },
  );
});

/** Whether a connection string in the connlist notation covers the probe's protocol and port. */
function covers(conn: string | undefined, probe: Probe): boolean {
  if (conn === undefined) return false;
  if (conn === 'All Connections') return true;
  // `SCTP 1-9002,9004-65535,TCP 80,UDP 53`: a protocol name starts each protocol's port list.
  let protocol = '';
  for (const part of conn.split(',')) {
    const m = /^(?:(TCP|UDP|SCTP) )?(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new Error(`unexpected connection text ${conn}`);
    if (m[1]) protocol = m[1];
    const from = Number(m[2]);
    const to = Number(m[3] ?? m[2]);
    if (protocol === probe.protocol && from <= probe.port && probe.port <= to) return true;
  }
  return false;
}
