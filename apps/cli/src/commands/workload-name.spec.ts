import { run, tempTree } from '../../test/cli-harness';

/**
 * A `kubectl get rs,pods -o yaml` dump: web's ReplicaSet (owned by Deployment web) and its pod,
 * a static pod (a Node is its controller), and a bare client pod; no policy, so every pair is
 * allowed and every workload shows in the connectivity list.
 */
const DUMP = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-5c6d8f
  namespace: shop
  ownerReferences: [{ apiVersion: apps/v1, kind: Deployment, name: web, controller: true }]
spec:
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web }] }
---
apiVersion: v1
kind: Pod
metadata:
  name: web-5c6d8f-abcde
  namespace: shop
  labels: { app: web }
  ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: web-5c6d8f, controller: true }]
status: { podIP: 10.0.0.10 }
---
apiVersion: v1
kind: Pod
metadata:
  name: etcd-node1
  namespace: kube-system
  ownerReferences: [{ apiVersion: v1, kind: Node, name: node1, controller: true }]
spec: { hostNetwork: true }
status: { podIP: 192.168.0.1 }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: shop }
status: { podIP: 10.0.0.11 }
`;

const ANALYSIS_COMMANDS = ['connlist', 'diff', 'explain', 'report', 'coverage', 'drift'];

/** The workload names in `fenceline connlist` output. */
const workloads = (stdout: string): string[] =>
  [
    ...new Set(
      stdout
        .split('\n')
        .flatMap((line) => line.split(' : ')[0]?.split(' => ') ?? [])
        .filter((peer) => !peer.includes('[External]') && peer !== ''),
    ),
  ].sort();

describe('--workload-name', () => {
  const tree = tempTree({ 'dump/all.yaml': DUMP });
  afterAll(() => tree.remove());

  it('names pods by their top controller by default, and by their own controller with direct', async () => {
    const top = await run(tree.dir, 'connlist', 'dump');
    expect(top.code).toBe(0);
    // One workload for the Deployment (its ReplicaSet's template and its running pod).
    expect(workloads(top.stdout)).toEqual([
      'kube-system/etcd-node1[Pod]',
      'shop/client[Pod]',
      'shop/web[Deployment]',
    ]);
    const direct = await run(tree.dir, 'connlist', 'dump', '--workload-name', 'direct');
    expect(direct.code).toBe(0);
    expect(workloads(direct.stdout)).toEqual([
      'kube-system/etcd-node1[Pod]',
      'shop/client[Pod]',
      'shop/web-5c6d8f[ReplicaSet]',
    ]);
    expect(await run(tree.dir, 'connlist', 'dump', '--workload-name', 'top')).toEqual(top);
  });

  it('keeps the owner chain in a snapshot, so the snapshot names pods as the manifests do', async () => {
    const snapshot = await run(tree.dir, 'snapshot', 'dump');
    expect(snapshot.code).toBe(0);
    const withSnapshot = tempTree({ 'cluster.snapshot.json': snapshot.stdout });
    try {
      for (const naming of ['top', 'direct']) {
        const fromSnapshot = await run(
          withSnapshot.dir,
          'connlist',
          '.',
          '--workload-name',
          naming,
        );
        const fromDump = await run(tree.dir, 'connlist', 'dump', '--workload-name', naming);
        expect(fromSnapshot.stdout).toBe(fromDump.stdout);
      }
    } finally {
      withSnapshot.remove();
    }
  });

  it('names the workload in explain the same way', async () => {
    const explain = (...args: string[]) =>
      run(tree.dir, 'explain', 'dump', '--src', 'shop/client', '--port', '80', ...args);
    const top = await explain('--dst', 'shop/web[Deployment]');
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('shop/web[Deployment]');
    expect(top.stdout).not.toContain('[ReplicaSet]');
    const direct = await explain(
      '--dst',
      'shop/web-5c6d8f[ReplicaSet]',
      '--workload-name',
      'direct',
    );
    expect(direct.code).toBe(0);
    expect(direct.stdout).toContain('shop/web-5c6d8f[ReplicaSet]');
    // The Deployment name means nothing to direct naming: an unknown peer.
    expect((await explain('--dst', 'shop/web[Deployment]', '--workload-name', 'direct')).code).toBe(
      2,
    );
  });

  it('rejects any other value with the allowed choices, exit code 2', async () => {
    const bad = await run(tree.dir, 'connlist', 'dump', '--workload-name', 'deployment');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("argument 'deployment' is invalid");
    expect(bad.stderr).toContain('top, direct');
  });

  it.each(ANALYSIS_COMMANDS)('is documented in `%s --help`', async (command) => {
    const help = (await run(tree.dir, command, '--help')).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--workload-name <naming> name pods by the top controller');
    expect(help).toContain('(choices: "top", "direct", default: "top")');
  });
});
