import { parseSnapshot } from '@fenceline/contracts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONNLIST, APP_FILES, run, tempTree } from '../../test/cli-harness';

describe('fenceline snapshot', () => {
  const tree = tempTree(APP_FILES);
  afterAll(() => tree.remove());

  it('prints a valid InventorySnapshot of the manifests', async () => {
    const result = await run(tree.dir, 'snapshot', 'base', '--cluster-name', 'dev-1');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe('  "apiVersion": "fenceline.dev/v1alpha1",');
    const parsed = parseSnapshot(JSON.parse(result.stdout));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.snapshot).toMatchObject({
      cluster: { name: 'dev-1' },
      source: { type: 'manifests' },
      namespaces: [{ name: 'app', labels: { team: 'app' } }],
      policies: [{ namespace: 'app', name: 'backend-ingress' }],
      exposures: [
        {
          kind: 'Ingress',
          namespace: 'app',
          name: 'frontend',
          service: 'frontend',
          port: { kind: 'servicePort', value: 80 },
        },
      ],
    });
    expect(parsed.snapshot.pods.map((p) => [p.name, p.owner?.kind, p.fromTemplate])).toEqual([
      ['backend', 'Deployment', true],
      ['frontend', 'Deployment', true],
    ]);
    expect(Date.parse(parsed.snapshot.collectedAt)).not.toBeNaN();
  });

  it('is accepted back as input with identical connectivity', async () => {
    const snapshot = await run(tree.dir, 'snapshot', 'base');
    writeFileSync(join(tree.dir, 'app.snapshot.json'), snapshot.stdout);
    const fromManifests = await run(tree.dir, 'connlist', 'base', '-o', 'json');
    const fromSnapshot = await run(tree.dir, 'connlist', 'app.snapshot.json', '-o', 'json');
    expect(fromSnapshot).toEqual({ code: 0, stdout: fromManifests.stdout, stderr: '' });
    expect(JSON.parse(fromSnapshot.stdout)).toEqual(APP_CONNLIST);
  });

  it('reports an invalid snapshot by file and field path, and leaves it out', async () => {
    const snapshot = JSON.parse((await run(tree.dir, 'snapshot', 'base')).stdout) as {
      pods: { ports: { port: number }[] }[];
    };
    const port = snapshot.pods[0]?.ports[0];
    if (port) port.port = 0;
    writeFileSync(join(tree.dir, 'bad.snapshot.json'), JSON.stringify(snapshot));
    const result = await run(tree.dir, 'connlist', 'bad.snapshot.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: InventorySnapshot bad.snapshot.json: pods[0].ports[0].port: Too small: expected number to be >=1 [INVALID_SNAPSHOT]\n',
    );
    // Nothing is left to analyse but the address space outside the cluster.
    expect(result.stdout).toBe('');
  });

  it('warns when the snapshot says the CNI does not enforce NetworkPolicy', async () => {
    const snapshot = JSON.parse((await run(tree.dir, 'snapshot', 'base')).stdout) as Record<
      string,
      unknown
    >;
    snapshot['source'] = {
      type: 'cluster',
      cni: { name: 'flannel', enforcesNetworkPolicy: false },
    };
    writeFileSync(join(tree.dir, 'flannel.json'), JSON.stringify(snapshot));
    const result = await run(tree.dir, 'connlist', 'flannel.json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: flannel\.json: the cluster's CNI \(flannel\) does not enforce NetworkPolicy/,
    );
  });

  it('prints the snapshot of the valid objects and exits 2 when some are invalid', async () => {
    const broken = tempTree({
      'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: { name: Bad_Name }\n',
    });
    try {
      const result = await run(broken.dir, 'snapshot', '.');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('[INVALID_NAME]');
      expect(JSON.parse(result.stdout)).toMatchObject({ namespaces: [], pods: [] });
    } finally {
      broken.remove();
    }
  });
});
